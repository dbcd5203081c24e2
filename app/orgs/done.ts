/**
 * What an organization page says after a change that redirected to it
 * (`?done=`, like the console's admins page); anything else in the query
 * shows nothing, so a link cannot make a page say something it did not do.
 */
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

export const doneMessage = (value: unknown): string | undefined =>
  typeof value === "string" && Object.hasOwn(DONE_MESSAGES, value) ? DONE_MESSAGES[value as OrgChange] : undefined;

/** `path` with the message of `change` to show there. */
export const doneHref = (path: string, change: OrgChange) => `${path}?done=${change}`;
