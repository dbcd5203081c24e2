"use client";

import Link from "next/link";
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
        <legend>Sender</legend>
        <Field
          name="fromAddress"
          id="field-fromAddress"
          label="From address"
          type="email"
          required
          autoComplete="off"
          defaultValue={values?.fromAddress ?? start.fromAddress}
          placeholder="no-reply@example.com"
          hint="Emails come from this address. Your provider must allow this account to send as it."
          errors={fieldErrors?.fromAddress}
        />
        <Field
          name="fromName"
          id="field-fromName"
          label="From name"
          autoComplete="off"
          defaultValue={values?.fromName ?? start.fromName}
          placeholder="Acme"
          hint="Shown as the sender's name. Blank: the product name from branding."
          errors={fieldErrors?.fromName}
        />
      </fieldset>

      <fieldset className="stack">
        <legend>{label} settings</legend>
        <ConnectorSettings fields={fields} value={value} secretsSet={start.secretsSet} fieldErrors={fieldErrors} />
      </fieldset>

      <section className="test-send stack" aria-labelledby={`${formId}-test`}>
        <div>
          <h2 id={`${formId}-test`}>Send a test email</h2>
          <p className="muted">Sends with the settings above as they are now, before you save them.</p>
        </div>
        <Field
          name="testTo"
          id="field-testTo"
          label="Send test to"
          type="email"
          autoComplete="off"
          defaultValue={values?.testTo ?? defaultTestTo}
          errors={fieldErrors?.testTo}
        />
        <div>
          <button className="button button-inline button-secondary" type="submit" name="intent" value="test" disabled={pending}>
            {pending && pendingIntent === "test" ? "Sending…" : "Send test email"}
          </button>
        </div>
        <FormAlert error={state.intent === "test" ? formError : undefined} message={testOk} />
      </section>

      <div className="stack">
        <FormAlert error={state.intent === "save" ? formError : undefined} />
        <div className="button-row">
          <button className="button button-inline" type="submit" name="intent" value="save" disabled={pending}>
            {pending && pendingIntent === "save" ? "Saving…" : "Save and done"}
          </button>
          <Link href="/console/connectors">Cancel</Link>
        </div>
      </div>
    </form>
  );
}
