"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, useState, type ChangeEvent } from "react";
import { Field, FormAlert } from "@/components/field";
import { SignInPreview, type SignInPreviewBranding } from "@/components/console/sign-in-preview";
import type { BrandingFormValues } from "@/lib/branding/branding-form";
import { idle } from "@/lib/result";
import type { BrandingFormState, BrandingPreview } from "./form-state";

type Action = (state: BrandingFormState, form: FormData) => Promise<BrandingFormState>;
type Props = {
  action: Action;
  saved: BrandingFormValues;
  savedPreview: BrandingPreview;
  hasUploadedLogo: boolean;
  hasFavicon: boolean;
  accept: string;
};

const HEX = /^#[0-9a-f]{6}$/i;
const LIVE_DELAY_MS = 400;

/**
 * Posts as a plain form without JavaScript ("Preview" and "Save" are both
 * submit buttons of the one action, told apart by `intent`). With JavaScript the sign-in preview follows every
 * keystroke and the email preview is asked for a moment after typing stops.
 */
export function BrandingForm({ action, saved, savedPreview, hasUploadedLogo, hasFavicon, accept }: Props) {
  const t = useTranslations("consoleBranding.form");
  const [state, formAction, pending] = useActionState<BrandingFormState, FormData>(action, idle);
  const form = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const values: BrandingFormValues = { ...saved, ...(state.status === "idle" ? {} : state.values) };
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  const shown = state.preview ?? savedPreview;
  // Typing changes the sign-in card at once; a new answer from the server starts from what it previewed.
  const [typed, setTyped] = useState<{ from: SignInPreviewBranding; value: SignInPreviewBranding } | null>(null);
  const draft = typed && typed.from === shown.signIn ? typed.value : shown.signIn;
  const [localLogo, setLocalLogo] = useState<string | null>(null);

  useEffect(() => () => clearTimeout(timer.current), []);

  function onInput() {
    const data = new FormData(form.current!);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const color = (name: "primaryColor" | "darkPrimaryColor" | "backgroundColor") => (HEX.test(text(name)) ? text(name) : draft[name]);
    setTyped({
      from: shown.signIn,
      value: {
        productName: text("productName") || draft.productName,
        logoSrc: draft.logoSrc,
        primaryColor: color("primaryColor"),
        darkPrimaryColor: color("darkPrimaryColor"),
        backgroundColor: color("backgroundColor"),
      },
    });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const fields = new FormData(form.current!);
      fields.delete("logoFile");
      fields.delete("faviconFile");
      fields.set("intent", "preview");
      startTransition(() => formAction(fields));
    }, LIVE_DELAY_MS);
  }

  function onLogoFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return setLocalLogo(null);
    const reader = new FileReader();
    reader.onload = () => setLocalLogo(typeof reader.result === "string" ? reader.result : null);
    reader.readAsDataURL(file);
  }

  const colorField = (name: "primaryColor" | "darkPrimaryColor" | "backgroundColor", label: string, hint: string) => (
    <div className="color-row" key={`${name}-${values[name]}`}>
      <span className="color-swatch" aria-hidden="true" style={{ background: HEX.test(values[name]) ? values[name] : "transparent" }} />
      <Field name={name} label={label} defaultValue={values[name]} required spellCheck={false} autoComplete="off" hint={hint} errors={fieldErrors?.[name]} />
    </div>
  );

  return (
    <div className="branding-layout">
      <form
        ref={form}
        action={formAction}
        // A live preview still waiting to be asked for would come after the save's answer and replace it.
        onSubmit={() => clearTimeout(timer.current)}
        onInput={onInput}
        className="stack branding-form"
        noValidate
      >
        <FormAlert error={state.status === "error" ? state.formError : undefined} message={state.status === "ok" ? state.message : undefined} />
        <fieldset className="card stack">
          <legend>{t("names")}</legend>
          <Field key={`productName-${values.productName}`} name="productName" label={t("productName")} defaultValue={values.productName} required maxLength={60} errors={fieldErrors?.productName} />
          <Field key={`senderName-${values.senderName}`} name="senderName" label={t("senderName")} defaultValue={values.senderName} required maxLength={60} hint={t("senderNameHint")} errors={fieldErrors?.senderName} />
        </fieldset>

        <fieldset className="card stack">
          <legend>{t("logoAndFavicon")}</legend>
          <Field name="logoFile" label={t("logoFile")} type="file" accept={accept} onChange={onLogoFile} hint={t("logoFileHint")} errors={fieldErrors?.logoFile} />
          <Field key={`logoUrl-${values.logoUrl}`} name="logoUrl" label={t("logoUrl")} type="url" defaultValue={values.logoUrl} errors={fieldErrors?.logoUrl} hint={hasUploadedLogo ? t("logoUrlHint") : undefined} />
          {hasUploadedLogo || values.logoUrl ? <Checkbox name="removeLogo" label={t("removeLogo")} checked={values.removeLogo === "on"} /> : null}
          <Field name="faviconFile" label={t("faviconFile")} type="file" accept={accept} hint={t("faviconFileHint")} errors={fieldErrors?.faviconFile} />
          {hasFavicon ? <Checkbox name="removeFavicon" label={t("removeFavicon")} checked={values.removeFavicon === "on"} /> : null}
        </fieldset>

        <fieldset className="card stack">
          <legend>{t("colours")}</legend>
          {colorField("primaryColor", t("primaryColor"), t("primaryColorHint"))}
          {colorField("darkPrimaryColor", t("darkPrimaryColor"), t("darkPrimaryColorHint"))}
          {colorField("backgroundColor", t("backgroundColor"), t("backgroundColorHint"))}
        </fieldset>

        <fieldset className="card stack">
          <legend>{t("contact")}</legend>
          <Field key={`supportEmail-${values.supportEmail}`} name="supportEmail" label={t("supportEmail")} type="email" defaultValue={values.supportEmail} errors={fieldErrors?.supportEmail} hint={t("supportEmailHint")} />
          <div className="field">
            <label htmlFor="field-companyAddress">{t("companyAddress")}</label>
            <textarea key={`companyAddress-${values.companyAddress}`} id="field-companyAddress" name="companyAddress" defaultValue={values.companyAddress} maxLength={200} aria-invalid={fieldErrors?.companyAddress ? true : undefined} />
            {fieldErrors?.companyAddress ? <p className="field-error" role="alert">{fieldErrors.companyAddress.join(" ")}</p> : null}
          </div>
          <Field key={`termsUrl-${values.termsUrl}`} name="termsUrl" label={t("termsUrl")} type="url" defaultValue={values.termsUrl} errors={fieldErrors?.termsUrl} />
          <Field key={`privacyUrl-${values.privacyUrl}`} name="privacyUrl" label={t("privacyUrl")} type="url" defaultValue={values.privacyUrl} errors={fieldErrors?.privacyUrl} />
        </fieldset>

        <div className="button-row">
          <button className="button button-inline button-secondary" type="submit" name="intent" value="preview">
            {t("preview")}
          </button>
          <button className="button button-inline" type="submit" name="intent" value="save" disabled={pending}>
            {t("save")}
          </button>
        </div>
      </form>

      <section className="branding-preview" aria-label={t("preview")}>
        <h2>{t("signInPage")}</h2>
        <SignInPreview branding={{ ...draft, logoSrc: localLogo ?? draft.logoSrc }} />
        <h2>{t("codeEmail")}</h2>
        <iframe sandbox="" srcDoc={shown.emailHtml} title={t("emailPreview")} className="email-preview" referrerPolicy="no-referrer" />
      </section>
    </div>
  );
}

function Checkbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div className="checkbox-row" key={`${name}-${checked}`}>
      <input id={`field-${name}`} type="checkbox" name={name} defaultChecked={checked} />
      <label htmlFor={`field-${name}`}>{label}</label>
    </div>
  );
}
