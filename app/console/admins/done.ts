import { doneMessage as pick } from "@/components/console/done-message";

/** What the admins page says after a change (`?done=`). */
export const DONE_MESSAGES = {
  granted: "Done: that account is now an admin.",
  removed: "The admin role was removed.",
  transferred: "Ownership was handed over. You stay an admin.",
} as const;

export type AdminChange = keyof typeof DONE_MESSAGES;

export const doneMessage = (value: unknown): string | undefined => pick(DONE_MESSAGES, value);
