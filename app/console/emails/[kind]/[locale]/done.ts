import { pickDoneMessage } from "@/components/done-message";

/** What an email template's page says after a change of the version in use (`?done=`); anything else shows nothing. */
export const DONE_MESSAGES = {
  saved: "Saved as a new version. Emails use it from now on.",
  reset: "The built-in text is in use again.",
  reverted: "That version is in use again.",
} as const;

export type DoneKey = keyof typeof DONE_MESSAGES;

export const doneMessage = (value: unknown) => pickDoneMessage(DONE_MESSAGES, value);
