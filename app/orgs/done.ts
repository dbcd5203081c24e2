import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { pickDoneMessage } from "@/components/done-message";

/** What an organization page says after a change that redirected to it (`?done=`, like the console's admins page). */
export const DONE_MESSAGES = {
  created: "The organization was created. You're its owner.",
  joined: "You joined the organization.",
  declined: "The invitation was declined.",
  left: "You left the organization.",
  deleted: "The organization was deleted.",
  role: "The role was changed.",
  removed: "The member was removed.",
  transferred: "Ownership was handed over. You're an admin now.",
  saved: "The settings were saved.",
  resent: "The invitation was sent again, with a new link.",
  revoked: "The invitation was revoked. Its link no longer works.",
} as const;

export type OrgChange = keyof typeof DONE_MESSAGES;

export const doneMessage = (value: unknown) => pickDoneMessage(DONE_MESSAGES, value);

/**
 * Ends an action: to `path`, with the message of `change` to show there (or
 * none). The header's switcher and an organization's tabs live in layouts,
 * which a redirect after an action does not render again by itself; a
 * change to the user's organizations or role must show there at once.
 */
export function redirectDone(path: string, change?: OrgChange): never {
  revalidatePath("/", "layout");
  redirect(change ? `${path}?done=${change}` : path);
}
