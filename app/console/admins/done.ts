import { pickDoneMessage } from "@/components/done-message";

/** What the admins page says after a change (`?done=`); anything else in the query shows nothing. */
export const DONE_MESSAGES = {
  granted: "Done: that account is now an admin.",
  removed: "The admin role was removed.",
  transferred: "Ownership was handed over. You stay an admin.",
} as const;

export type AdminChange = keyof typeof DONE_MESSAGES;

export const doneMessage = (value: unknown) => pickDoneMessage(DONE_MESSAGES, value);
