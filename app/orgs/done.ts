import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pickDoneMessage } from "@/components/done-message";

/** What an organization page says after a change that redirected to it (`?done=`, like the console's admins page): its key in `orgs`. */
export const DONE_MESSAGES = {
  created: "doneCreated",
  joined: "doneJoined",
  declined: "doneDeclined",
  left: "doneLeft",
  deleted: "doneDeleted",
  role: "doneRole",
  removed: "doneRemoved",
  transferred: "doneTransferred",
  saved: "doneSaved",
  resent: "doneResent",
  revoked: "doneRevoked",
} as const;

export type OrgChange = keyof typeof DONE_MESSAGES;

/** The message for `?done=<value>` in the reader's language, or nothing for any other value. */
export async function doneMessage(value: unknown): Promise<string | undefined> {
  const key = pickDoneMessage(DONE_MESSAGES, value);
  return key ? (await getTranslations("orgs"))(key) : undefined;
}

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
