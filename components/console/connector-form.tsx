"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { Field, FormAlert } from "@/components/field";
import { configFieldName as configName } from "@/lib/connectors/form";
import type { ConnectorField } from "@/lib/connectors/types";
import { idle } from "@/lib/result";
import type { ConnectorFormState } from "./connector-form-state";
import { ConnectorSettings } from "./connector-settings";
import { showWhenCss } from "./show-when-css";
import { submitKeepingInputs } from "./submit-keeping-inputs";

export type ConnectorFormStart = {
  /** Config values by field key (secrets never included). */
  values: Record<string, string | undefined>;
  /** Secret keys that have a saved value. */
  secretsSet: string[];
  fromAddress: string;
  fromName: string;
};

type Props = {
  action: (state: ConnectorFormState, form: FormData) => Promise<ConnectorFormState>;
  connectorId: string;
  label: string;
  fields: readonly ConnectorField[];
  start: ConnectorFormStart;
  /** Where the test email goes by default: the admin's own address. */
  defaultTestTo: string;
};

/**
 * The provider's settings, "Send test email" (with the values as typed) and
 * "Save and done", in one form with one action. Works as a plain HTML form;
 * with JavaScript it submits without React's automatic form reset, so a
 * password typed for the test is still there for "Save and done".
 */
export function ConnectorForm({ action, connectorId, label, fields, start, defaultTestTo }: Props) {
  const t = useTranslations("consoleConnectors.form");
  const [state, formAction, pending] = useActionState(action, idle as ConnectorFormState);
  const [pendingIntent, setPendingIntent] = useState<"test" | "save">("test");
  const formId = `connector-form-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const values = state.values;
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  const formError = state.status === "error" ? state.formError : undefined;
  const testOk = state.status === "ok" && state.intent === "test" ? state.message : undefined;

  const value = (key: string) => values?.[configName(key)] ?? start.values[key];
  const onSubmit = submitKeepingInputs<"test" | "save">(formAction, setPendingIntent, "test");

  const css = showWhenCss(formId, fields);
  return (
    <form id={formId} action={formAction} onSubmit={onSubmit} className="stack connector-form" noValidate>
      {css ? <style>{css}</style> : null}
      <input type="hidden" name="connectorId" value={connectorId} />

      <fieldset className="stack">
        <legend>{t("sender")}</legend>
        <Field
          name="fromAddress"
          id="field-fromAddress"
          label={t("fromAddress")}
          type="email"
          required
          autoComplete="off"
          defaultValue={values?.fromAddress ?? start.fromAddress}
          placeholder="no-reply@example.com"
          hint={t("fromAddressHint")}
          errors={fieldErrors?.fromAddress}
        />
        <Field
          name="fromName"
          id="field-fromName"
          label={t("fromName")}
          autoComplete="off"
          defaultValue={values?.fromName ?? start.fromName}
          placeholder="Acme"
          hint={t("fromNameHint")}
          errors={fieldErrors?.fromName}
        />
      </fieldset>

      <fieldset className="stack">
        <legend>{t("settings", { label })}</legend>
        <ConnectorSettings fields={fields} value={value} secretsSet={start.secretsSet} fieldErrors={fieldErrors} />
      </fieldset>

      <section className="test-send stack" aria-labelledby={`${formId}-test`}>
        <div>
          <h2 id={`${formId}-test`}>{t("testTitle")}</h2>
          <p className="muted">{t("testLead")}</p>
        </div>
        <Field
          name="testTo"
          id="field-testTo"
          label={t("testTo")}
          type="email"
          autoComplete="off"
          defaultValue={values?.testTo ?? defaultTestTo}
          errors={fieldErrors?.testTo}
        />
        <div>
          <button className="button button-inline button-secondary" type="submit" name="intent" value="test" disabled={pending}>
            {pending && pendingIntent === "test" ? t("sending") : t("sendTest")}
          </button>
        </div>
        <FormAlert error={state.intent === "test" ? formError : undefined} message={testOk} />
      </section>

      <div className="stack">
        <FormAlert error={state.intent === "save" ? formError : undefined} />
        <div className="button-row">
          <button className="button button-inline" type="submit" name="intent" value="save" disabled={pending}>
            {pending && pendingIntent === "save" ? t("saving") : t("save")}
          </button>
          <Link href="/console/connectors">{t("cancel")}</Link>
        </div>
      </div>
    </form>
  );
}
