"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert } from "@/components/field";
import { idle, type ActionState } from "@/lib/result";

export type ProfileValues = { name: string; avatarUrl: string; locale: string };

type ProfileFormProps = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  profile: ProfileValues;
};

/** Each language named in itself (as the switcher on the sign-in pages does); "" follows the browser. */
const LANGUAGES = [
  { value: "en", label: "English" },
  { value: "ja", label: "日本語" },
] as const;

/** Name, avatar and language (of these pages and of the emails). A failed save keeps what was typed. */
export function ProfileForm({ action, profile }: ProfileFormProps) {
  const t = useTranslations("accountClient");
  const [state, formAction, pending] = useActionState(action, idle);
  const values = state.status === "error" ? { ...profile, ...state.values } : profile;
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const localeError = errors?.locale;
  return (
    <form action={formAction} className="stack" noValidate>
      <FormAlert error={state.status === "error" ? state.formError : undefined} />
      <Field name="name" label={t("name")} autoComplete="name" maxLength={100} defaultValue={values.name} errors={errors?.name} key={`name-${values.name}`} />
      <Field
        name="avatarUrl"
        label={t("avatarUrl")}
        type="url"
        inputMode="url"
        maxLength={500}
        placeholder="https://"
        hint={t("avatarHint")}
        defaultValue={values.avatarUrl}
        errors={errors?.avatarUrl}
        key={`avatar-${values.avatarUrl}`}
      />
      <div className="field">
        <label htmlFor="field-locale">{t("language")}</label>
        <select
          id="field-locale"
          name="locale"
          defaultValue={values.locale}
          key={`locale-${values.locale}`}
          aria-describedby={["field-locale-hint", localeError?.length ? "field-locale-error" : ""].join(" ").trim()}
          aria-invalid={localeError?.length ? true : undefined}
        >
          <option value="">{t("languageAuto")}</option>
          {LANGUAGES.map((language) => (
            <option key={language.value} value={language.value} lang={language.value}>
              {language.label}
            </option>
          ))}
        </select>
        <p id="field-locale-hint" className="field-help">
          {t("languageHint")}
        </p>
        {localeError?.length ? (
          <p id="field-locale-error" className="field-error" role="alert">
            {localeError.join(" ")}
          </p>
        ) : null}
      </div>
      <button className="button button-inline" type="submit" disabled={pending}>
        {pending ? t("saving") : t("saveProfile")}
      </button>
    </form>
  );
}
