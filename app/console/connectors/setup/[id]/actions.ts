"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action, field } from "@/lib/action";
import { admin as guard } from "@/lib/action-guards";
import type { FormValues } from "@/lib/connectors/form";
import { connectors, isConnectorId } from "@/lib/connectors/registry";
import { configFieldName, saveConnector, sendTestEmail } from "@/lib/connectors/store";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { errorState } from "@/lib/result";
import type { ConnectorFormState } from "@/components/console/connector-form-state";

/**
 * The set-up form's fields: the common ones, and each connector's own
 * (`config.<key>`, checked by the connector's schema in the lib). An
 * unticked checkbox is simply absent from the form data.
 */
const connectorFormSchema = z
  .object({ intent: field(10), connectorId: field(40), fromAddress: field(), fromName: field(), testTo: field() })
  .catchall(z.string().max(20_000, "Use at most 20000 characters."));

/**
 * The set-up form's one action; the button pressed decides what it does.
 * - `intent=test`: sends a test email with the values as typed (not saved).
 * - `intent=save`: validates, saves (the new connector is used at once) and
 *   goes back to the overview.
 * Either way a failure returns the non-secret input so the form keeps it;
 * secrets are never put into the state (it is sent to the browser).
 */
export const connectorFormAction = action({ guard, input: connectorFormSchema }, async ({ user, input }): Promise<ConnectorFormState> => {
  const intent = input.intent === "save" ? "save" : "test";
  const { connectorId } = input;
  if (!isConnectorId(connectorId)) return { status: "error", intent, formError: "Choose an email provider." };

  const values: FormValues = {};
  const refill: Record<string, string> = { fromAddress: input.fromAddress, fromName: input.fromName, testTo: input.testTo };
  for (const field of connectors[connectorId].fields) {
    const name = configFieldName(field.key);
    const value = input[name] ?? (field.type === "checkbox" ? "" : undefined);
    values[field.key] = value;
    if (!field.secret && value !== undefined) refill[name] = value;
  }
  const connectorInput = { connectorId, values, fromAddress: input.fromAddress, fromName: input.fromName };

  if (intent === "test") {
    const result = await sendTestEmail({ ...connectorInput, to: input.testTo, locale: await resolveLocale() });
    if (!result.ok) return { ...errorState(result, refill), intent };
    return { status: "ok", intent, message: result.value.message, values: refill };
  }

  const result = await saveConnector(connectorInput, user.id);
  if (!result.ok) return { ...errorState(result, refill), intent };
  redirect("/console/connectors?saved=1");
});
