import { pickDoneMessage } from "@/components/done-message";

/** What an organization's console page says after a change (`?done=`). */
export const DONE_MESSAGES = {
  revoked: "The invitation was revoked: its link no longer works.",
  removed: "The member was removed from the organization.",
} as const;

export type OrganizationChange = keyof typeof DONE_MESSAGES;

export const doneMessage = (value: unknown): string | undefined => pickDoneMessage(DONE_MESSAGES, value);
