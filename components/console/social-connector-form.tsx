"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { Field, FormAlert } from "@/components/field";
import { configFieldName } from "@/lib/connectors/form";
import type { ConnectorField } from "@/lib/connectors/types";
import { idle } from "@/lib/result";
import type { ConnectorFormState } from "./connector-form-state";
import { ConnectorSettings } from "./connector-settings";
import { showWhenCss } from "./show-when-css";
import { submitKeepingInputs } from "./submit-keeping-inputs";

export type SocialFormStartProps = {
  id: string;
  name: string;
  /** Config values by field key (secrets never included). */
  values: Record<string, string | undefined>;
  secretsSet: string[];
};

type Props = {
  action: (state: ConnectorFormState, form: FormData) => Promise<ConnectorFormState>;
  providerId: string;
  providerLabel: string;
  fields: readonly ConnectorField[];
  start: SocialFormStartProps;
  /** Editing a saved connector: its id is fixed (it is in the callback URL the provider knows). */
  editing: boolean;
};

/**
 * A social connector's settings, "Test configuration" (with the values as
 * typed, nothing saved) and "Save", in one form with one action. Works as a
 * plain HTML form; with JavaScript a secret typed for the test is kept for
 * the save.
 */
export function SocialConnectorForm({ action, providerId, providerLabel, fields, start, editing }: Props) {
  const t = useTranslations("consoleSocial.form");
  const [state, formAction, pending] = useActionState(action, idle as ConnectorFormState);
  const [pendingIntent, setPendingIntent] = useState<"test" | "save">("test");
  const formId = `social-form-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const values = state.values;
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  const formError = state.status === "error" ? state.formError : undefined;
  const testOk = state.status === "ok" && state.intent === "test" ? state.message : undefined;
  const value = (key: string) => values?.[configFieldName(key)] ?? start.values[key];
  const css = showWhenCss(formId, fields);

  return (
    <form id={formId} action={formAction} onSubmit={submitKeepingInputs<"test" | "save">(formAction, setPendingIntent, "test")} className="stack connector-form" noValidate>
      {css ? <style>{css}</style> : null}
      <input type="hidden" name="providerId" value={providerId} />
      {editing ? <input type="hidden" name="editing" value={start.id} /> : null}

      <fieldset className="stack">
        <legend>{t("button")}</legend>
        <Field
          name="name"
          id="field-name"
          label={t("buttonLabel")}
          autoComplete="off"
          defaultValue={values?.name ?? start.name}
          hint={t("buttonLabelHint", { label: providerLabel, example: "<label>" })}
          errors={fieldErrors?.name}
        />
        {editing ? (
          <p className="muted">
            {t.rich("fixedId", { id: start.id, code: (chunks) => <code>{chunks}</code> })}
          </p>
        ) : (
          <Field
            name="id"
            id="field-id"
            label={t("connectorId")}
            required
            autoComplete="off"
            spellCheck={false}
            defaultValue={values?.id ?? start.id}
            hint={t("connectorIdHint")}
            errors={fieldErrors?.id}
          />
        )}
      </fieldset>

      <fieldset className="stack">
        <legend>{t("settings", { label: providerLabel })}</legend>
        <ConnectorSettings fields={fields} value={value} secretsSet={start.secretsSet} fieldErrors={fieldErrors} />
      </fieldset>

      <section className="test-send stack" aria-labelledby={`${formId}-test`}>
        <div>
          <h2 id={`${formId}-test`}>{t("testTitle")}</h2>
          <p className="muted">{t("testLead")}</p>
        </div>
        <div>
          <button className="button button-inline button-secondary" type="submit" name="intent" value="test" disabled={pending}>
            {pending && pendingIntent === "test" ? t("testing") : t("test")}
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
          <Link href="/console/social">{t("cancel")}</Link>
        </div>
      </div>
    </form>
  );
}
