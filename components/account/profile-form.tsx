"use client";

import { useActionState } from "react";
import { Field, FormAlert } from "@/components/field";
import { idle, type ActionState } from "@/lib/result";

export type ProfileValues = { name: string; avatarUrl: string; locale: string };

type ProfileFormProps = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  profile: ProfileValues;
};

const LANGUAGES = [
  { value: "", label: "Automatic (from your browser)" },
  { value: "en", label: "English" },
  { value: "ja", label: "日本語" },
] as const;

/** Name, avatar and email language. A failed save keeps what was typed. */
export function ProfileForm({ action, profile }: ProfileFormProps) {
  const [state, formAction, pending] = useActionState(action, idle);
  const values = state.status === "error" ? { ...profile, ...state.values } : profile;
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const localeError = errors?.locale;
  return (
    <form action={formAction} className="stack" noValidate>
      <FormAlert error={state.status === "error" ? state.formError : undefined} />
      <Field name="name" label="Name" autoComplete="name" maxLength={100} defaultValue={values.name} errors={errors?.name} key={`name-${values.name}`} />
      <Field
        name="avatarUrl"
        label="Avatar URL"
        type="url"
        inputMode="url"
        maxLength={500}
        placeholder="https://"
        hint="A link to a square image (https). Leave empty for none."
        defaultValue={values.avatarUrl}
        errors={errors?.avatarUrl}
        key={`avatar-${values.avatarUrl}`}
      />
      <div className="field">
        <label htmlFor="field-locale">Preferred language</label>
        <select
          id="field-locale"
          name="locale"
          defaultValue={values.locale}
          key={`locale-${values.locale}`}
          aria-describedby={["field-locale-hint", localeError?.length ? "field-locale-error" : ""].join(" ").trim()}
          aria-invalid={localeError?.length ? true : undefined}
        >
          {LANGUAGES.map((language) => (
            <option key={language.value} value={language.value} lang={language.value || undefined}>
              {language.label}
            </option>
          ))}
        </select>
        <p id="field-locale-hint" className="field-help">
          The emails we send you use this language.
        </p>
        {localeError?.length ? (
          <p id="field-locale-error" className="field-error" role="alert">
            {localeError.join(" ")}
          </p>
        ) : null}
      </div>
      <button className="button button-inline" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save profile"}
      </button>
    </form>
  );
}
