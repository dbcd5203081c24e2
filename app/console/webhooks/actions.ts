"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action, field } from "@/lib/action";
import { admin as guard } from "@/lib/action-guards";
import { errorState, type ActionState } from "@/lib/result";
import { generatePostmarkCredentials, PASTED_FIELDS, savePastedSetting, type PastedProvider } from "@/lib/webhooks/settings";
import { deleteEndpoint } from "@/lib/webhooks/store";
import { isWebhookProviderId } from "@/lib/webhooks/types";
import type { WebhookChange } from "./done";

const PAGE = "/console/webhooks";

const done = (change: WebhookChange, anchor = ""): never => redirect(`${PAGE}?done=${change}${anchor}`);

const isPasted = (value: string): value is PastedProvider => Object.hasOwn(PASTED_FIELDS, value);

const settingsSchema = z.object({ provider: field(20), topicArn: field(300), publicKey: field(2000), signingKey: field(300), signingSecret: field(300) });

/** Saves what the operator pasted for one provider; the topic ARN (not a secret) comes back into the form after an error. */
export const saveWebhookAction = action({ guard, input: settingsSchema, refill: ["topicArn", "publicKey"] }, async ({ user, input }): Promise<ActionState> => {
  if (!isPasted(input.provider)) return { status: "error", formError: "Choose a provider." };
  const result = await savePastedSetting(input.provider, input[PASTED_FIELDS[input.provider]], user.id);
  if (!result.ok) return errorState(result);
  return done("saved", `#${input.provider}`);
});

/** The state after "Generate credentials": the URL with the new password, shown this once. */
export type PostmarkState = ActionState | { status: "generated"; username: string; url: string };

export const generatePostmarkAction = action({ guard }, async ({ user }): Promise<PostmarkState> => {
  const credentials = await generatePostmarkCredentials(user.id);
  return { status: "generated", ...credentials };
});

/** Stop accepting a provider's requests: its settings are deleted, its requests answered 404. */
export const stopWebhookAction = action({ guard, input: z.object({ provider: field(20) }) }, async ({ input }): Promise<ActionState> => {
  if (!isWebhookProviderId(input.provider)) return { status: "error", formError: "Choose a provider." };
  await deleteEndpoint(input.provider);
  return done("stopped");
});
