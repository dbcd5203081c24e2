"use client";

import { useTranslations } from "next-intl";
import { useActionState, type InputHTMLAttributes } from "react";
import { Field, FormAlert } from "@/components/field";
import { idle } from "@/lib/result";
import type { ChoiceSpec, FormValues, NumberSpec, ToggleSpec } from "./fields";
import type { SignInExperienceFormState } from "./form-state";

type Props = {
  action: (state: SignInExperienceFormState, form: FormData) => Promise<SignInExperienceFormState>;
  saved: FormValues;
  toggles: ToggleSpec[];
  signUpMode: ChoiceSpec;
  passwordFields: NumberSpec[];
  codeFields: NumberSpec[];
  invitationFields: NumberSpec[];
};

/**
 * Posts as a plain form without JavaScript. After a post the fields show
 * what the action returned (the input when refused, the saved values when
 * saved); React resets a form after its action, so each input is keyed by
 * the value it should show.
 */
export function SignInExperienceForm({ action, saved, toggles, signUpMode, passwordFields, codeFields, invitationFields }: Props) {
  const t = useTranslations("consoleSie.form");
  const [state, formAction, pending] = useActionState<SignInExperienceFormState, FormData>(action, idle);
  const values = state.status === "idle" ? saved : (state.values ?? saved);
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;

  const numbers = (specs: NumberSpec[]) =>
    specs.map((spec) => (
      <Field
        key={`${spec.name}-${values[spec.name] ?? ""}`}
        name={spec.name}
        label={spec.label}
        type="number"
        inputMode="numeric"
        min={spec.min}
        max={spec.max}
        step={1}
        required
        defaultValue={values[spec.name]}
        hint={t("numberHint", { min: spec.min, max: spec.max, unit: spec.unit, default: spec.default })}
        errors={fieldErrors?.[spec.name]}
      />
    ));

  return (
    <form action={formAction} className="stack sie-form" noValidate>
      <FormAlert error={state.status === "error" ? state.formError : undefined} message={state.status === "ok" ? state.message : undefined} />

      <fieldset className="card stack">
        <legend>{t("methods")}</legend>
        {toggles.map((toggle) => (
          <OptionRow
            key={`${toggle.name}-${values[toggle.name] ?? ""}`}
            id={`toggle-${toggle.name}`}
            input={{ type: "checkbox", name: toggle.name, defaultChecked: values[toggle.name] === "on" }}
            label={toggle.label}
            help={toggle.help}
          />
        ))}
        <p className="field-help">{t("oneMethod")}</p>
        <Choice key={`${signUpMode.name}-${values[signUpMode.name] ?? ""}`} spec={signUpMode} value={values[signUpMode.name]} errors={fieldErrors?.[signUpMode.name]} />
      </fieldset>

      <fieldset className="card stack">
        <legend>{t("passwords")}</legend>
        {numbers(passwordFields)}
      </fieldset>

      <fieldset className="card stack">
        <legend>{t("codes")}</legend>
        {numbers(codeFields)}
      </fieldset>

      <fieldset className="card stack">
        <legend>{t("invitations")}</legend>
        {numbers(invitationFields)}
      </fieldset>

      <div className="button-row">
        <button className="button button-inline" type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}

/** A group of radio buttons (keyed by its value where used, like the inputs above, so a post's answer shows). */
function Choice({ spec, value, errors }: { spec: ChoiceSpec; value: string | undefined; errors?: string[] }) {
  const errorId = `choice-${spec.name}-error`;
  return (
    <fieldset className="sie-choice" aria-describedby={errors?.length ? errorId : undefined}>
      <legend>{spec.legend}</legend>
      {spec.options.map((option) => (
        <OptionRow
          key={option.value}
          id={`choice-${spec.name}-${option.value}`}
          input={{ type: "radio", name: spec.name, value: option.value, defaultChecked: value === option.value }}
          label={option.label}
          help={option.help}
        />
      ))}
      {errors?.length ? (
        <p id={errorId} className="field-error" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A checkbox or radio button with its label and the help under it. */
function OptionRow({ id, input, label, help }: { id: string; input: InputHTMLAttributes<HTMLInputElement>; label: string; help: string }) {
  return (
    <div className="sie-toggle">
      <div className="checkbox-row">
        <input id={id} aria-describedby={`${id}-help`} {...input} />
        <label htmlFor={id}>{label}</label>
      </div>
      <p id={`${id}-help`} className="field-help">
        {help}
      </p>
    </div>
  );
}
