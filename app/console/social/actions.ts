"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action, field } from "@/lib/action";
import { admin as guard } from "@/lib/action-guards";
import type { FormValues } from "@/lib/connectors/form";
import { configFieldName } from "@/lib/connectors/form";
import { errorState, type Result } from "@/lib/result";
import { socialProviders } from "@/lib/social/registry";
import { deleteSocialConnector, moveSocialConnector, saveSocialConnector, setSocialConnectorEnabled, testSocialConnector } from "@/lib/social/store";
import { isSocialProviderId } from "@/lib/social/types";
import type { ConnectorFormState } from "@/components/console/connector-form-state";
import type { SocialChange } from "./done";

const PAGE = "/console/social";

/** The set-up form: its own fields, and the provider's (`config.<key>`, checked by the provider's schema in the lib). */
const socialFormSchema = z
  .object({ intent: field(10), providerId: field(40), id: field(100), name: field(200), editing: field(100) })
  .catchall(z.string().max(20_000, "Use at most 20000 characters."));

/**
 * The set-up form's one action; the button pressed decides what it does.
 * - `intent=test`: checks the values as typed against the provider (nothing saved).
 * - `intent=save`: validates, saves, and goes back to the list.
 * A failure returns the non-secret input so the form keeps it; a secret is
 * never put into the state (it goes to the browser).
 */
export const socialFormAction = action({ guard, input: socialFormSchema }, async ({ user, input }): Promise<ConnectorFormState> => {
  const intent = input.intent === "save" ? "save" : "test";
  if (!isSocialProviderId(input.providerId)) return { status: "error", intent, formError: "Choose a provider." };
  const values: FormValues = {};
  const refill: Record<string, string> = { id: input.id, name: input.name };
  for (const spec of socialProviders[input.providerId].fields) {
    const name = configFieldName(spec.key);
    const value = input[name] ?? (spec.type === "checkbox" ? "" : undefined);
    values[spec.key] = value;
    if (!spec.secret && value !== undefined) refill[name] = value;
  }
  const connector = { id: input.id, providerId: input.providerId, name: input.name, values, ...(input.editing ? { editing: input.editing } : {}) };

  if (intent === "test") {
    const result = await testSocialConnector(connector);
    if (!result.ok) return { ...errorState(result, refill), intent };
    return { status: "ok", intent, message: result.value.message, values: refill };
  }
  const result = await saveSocialConnector(connector, user.id);
  if (!result.ok) return { ...errorState(result, refill), intent };
  redirect(`${PAGE}?done=${input.editing ? "saved" : "added"}`);
});

const target = z.object({ id: field(100) });

export const enableSocialAction = action({ guard, input: target }, async ({ input }) => done(await setSocialConnectorEnabled(input.id, true), "enabled"));

export const disableSocialAction = action({ guard, input: target }, async ({ input }) => done(await setSocialConnectorEnabled(input.id, false), "disabled"));

export const moveSocialAction = action({ guard, input: target.extend({ direction: field(10) }) }, async ({ input }) =>
  done(await moveSocialConnector(input.id, input.direction === "up" ? "up" : "down"), "moved"),
);

export const deleteSocialAction = action({ guard, input: target }, async ({ input }) => done(await deleteSocialConnector(input.id), "deleted"));

async function done(result: Result<unknown>, change: SocialChange) {
  if (!result.ok) return errorState(result);
  redirect(`${PAGE}?done=${change}`);
}
