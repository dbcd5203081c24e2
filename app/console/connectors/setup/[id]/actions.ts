"use server";

import { redirect } from "next/navigation";
import { text } from "@/lib/auth/action-helpers";
import { requireAdmin } from "@/lib/auth/admin";
import type { FormValues } from "@/lib/connectors/form";
import { connectors, isConnectorId } from "@/lib/connectors/registry";
import { configFieldName, saveConnector, sendTestEmail } from "@/lib/connectors/store";
import { errorState } from "@/lib/result";
import type { ConnectorFormState } from "@/components/console/connector-form-state";

/**
 * The set-up form's one action; the button pressed decides what it does.
 * - `intent=test`: sends a test email with the values as typed (not saved).
 * - `intent=save`: validates, saves (the new connector is used at once) and
 *   goes back to the overview.
 * Either way a failure returns the non-secret input so the form keeps it;
 * secrets are never put into the state (it is sent to the browser).
 */
export async function connectorFormAction(_: ConnectorFormState, form: FormData): Promise<ConnectorFormState> {
  // Reachable without the page: check again.
  const admin = await requireAdmin();
  const intent = form.get("intent") === "save" ? "save" : "test";
  const connectorId = text(form, "connectorId");
  if (!isConnectorId(connectorId)) return { status: "error", intent, formError: "Choose an email provider." };

  const fields = connectors[connectorId].fields;
  const values: FormValues = {};
  const refill: Record<string, string> = {
    fromAddress: text(form, "fromAddress"),
    fromName: text(form, "fromName"),
    testTo: text(form, "testTo"),
  };
  for (const field of fields) {
    const name = configFieldName(field.key);
    const raw = form.get(name);
    // An unticked checkbox is simply absent from the form data.
    const value = typeof raw === "string" ? raw : field.type === "checkbox" ? "" : undefined;
    values[field.key] = value;
    if (!field.secret && value !== undefined) refill[name] = value;
  }
  const input = { connectorId, values, fromAddress: refill.fromAddress!, fromName: refill.fromName! };

  if (intent === "test") {
    const result = await sendTestEmail({ ...input, to: refill.testTo! });
    if (!result.ok) return { ...errorState(result, refill), intent };
    return { status: "ok", intent, message: result.value.message, values: refill };
  }

  const result = await saveConnector(input, admin.id);
  if (!result.ok) return { ...errorState(result, refill), intent };
  redirect("/console/connectors?saved=1");
}
