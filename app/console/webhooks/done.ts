import { pickDoneMessage } from "@/components/done-message";

/** The changes the webhooks page reports after a redirect (`?done=`), each the key of its words in `consoleWebhooks.done`; anything else shows nothing. */
const CHANGES = { saved: "saved", stopped: "stopped" } as const;

export type WebhookChange = keyof typeof CHANGES;

export const doneKey = (value: unknown) => pickDoneMessage(CHANGES, value);
