"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormAlert } from "@/components/field";
import { idle } from "@/lib/result";
import type { TemplateFormState, TemplatePreview } from "./form-state";

type Values = { subject: string; heading: string; body: string; buttonLabel: string; footer: string };
type Action = (state: TemplateFormState, form: FormData) => Promise<TemplateFormState>;

/**
 * The text of one email, with three submit buttons (preview, send a test,
 * save) that post the same fields, with or without JavaScript. The preview
 * shows the HTML at desktop and phone width, and the text part.
 */
export function TemplateForm({ action, saved, savedPreview }: { action: Action; saved: Values; savedPreview: TemplatePreview }) {
  const t = useTranslations("consoleEmails.form");
  const [state, formAction, pending] = useActionState<TemplateFormState, FormData>(action, idle);
  const values: Values = { ...saved, ...(state.status === "idle" ? {} : state.values) };
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const preview = state.preview ?? savedPreview;
  const area = (name: "body" | "footer", label: string, rows: number, hint: string) => (
    <div className="field" key={`${name}-${values[name]}`}>
      <label htmlFor={`field-${name}`}>{label}</label>
      <textarea id={`field-${name}`} name={name} rows={rows} defaultValue={values[name]} aria-invalid={errors?.[name] ? true : undefined} aria-describedby={`field-${name}-hint`} />
      <p id={`field-${name}-hint`} className="muted" style={{ margin: 0, fontSize: "0.85rem" }}>{hint}</p>
      {errors?.[name] ? <p className="field-error" role="alert">{errors[name].join(" ")}</p> : null}
    </div>
  );
  return (
    <div className="branding-layout">
      <form action={formAction} className="stack branding-form" noValidate>
        <FormAlert error={state.status === "error" ? state.formError : undefined} message={state.status === "ok" ? state.message : undefined} />
        <fieldset className="card stack">
          <legend>{t("text")}</legend>
          <Field key={`subject-${values.subject}`} name="subject" label={t("subject")} defaultValue={values.subject} errors={errors?.subject} />
          <Field key={`heading-${values.heading}`} name="heading" label={t("heading")} defaultValue={values.heading} errors={errors?.heading} />
          {area("body", t("body"), 8, t("bodyHint"))}
          <Field key={`buttonLabel-${values.buttonLabel}`} name="buttonLabel" label={t("buttonLabel")} defaultValue={values.buttonLabel} hint={t("buttonLabelHint")} errors={errors?.buttonLabel} />
          {area("footer", t("footer"), 2, t("footerHint"))}
        </fieldset>
        <div className="button-row">
          <button className="button button-inline button-secondary" type="submit" name="intent" value="preview" disabled={pending}>{t("preview")}</button>
          <button className="button button-inline button-secondary" type="submit" name="intent" value="test" disabled={pending}>{t("test")}</button>
          <button className="button button-inline" type="submit" name="intent" value="save" disabled={pending}>{t("save")}</button>
        </div>
      </form>
      <section className="branding-preview" aria-label={t("preview")}>
        <p><strong>{t("subjectLabel")}</strong> <span data-testid="preview-subject">{preview.subject}</span></p>
        <h2>{t("desktop")}</h2>
        <iframe sandbox="" srcDoc={preview.html} title={t("desktopTitle")} className="email-preview" referrerPolicy="no-referrer" />
        <h2>{t("phone")}</h2>
        <iframe sandbox="" srcDoc={preview.html} title={t("phoneTitle")} className="email-preview email-preview-phone" referrerPolicy="no-referrer" />
        <h2>{t("textPart")}</h2>
        <pre aria-label={t("textTitle")}>{preview.text}</pre>
      </section>
    </div>
  );
}

/** A one-button form (reset, revert) that shows its answer next to it. */
export function VersionButton({ action, label, name }: { action: Action; label: string; name?: string }) {
  const [state, formAction, pending] = useActionState<TemplateFormState, FormData>(action, idle);
  return (
    <form action={formAction}>
      <button className="button button-inline button-secondary" type="submit" disabled={pending} aria-label={name}>
        {label}
      </button>
      <FormAlert error={state.status === "error" ? state.formError : undefined} message={state.status === "ok" ? state.message : undefined} />
    </form>
  );
}
