import { pickDoneMessage } from "@/components/done-message";

/** What the social connectors page says after a change (`?done=`); anything else in the query shows nothing. */
export const DONE_MESSAGES = {
  added: "Connector added and enabled: its button is on the sign-in page now.",
  saved: "Connector saved. Sign-ins use the new settings now.",
  enabled: "Connector enabled: its button is on the sign-in page.",
  disabled: "Connector disabled: its button is gone from the sign-in page. Its linked accounts are kept.",
  moved: "Button order changed.",
  deleted: "Connector deleted. The accounts linked through it keep their links: adding a connector with the same ID brings sign-in back.",
} as const;

export type SocialChange = keyof typeof DONE_MESSAGES;

export const doneMessage = (value: unknown) => pickDoneMessage(DONE_MESSAGES, value);
