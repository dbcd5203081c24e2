import { pickDoneMessage } from "@/components/done-message";

/** The changes an organization's console page reports (`?done=`), each the key of its words in `consoleOrgs.done`. */
const CHANGES = { revoked: "revoked", removed: "removed" } as const;

export type OrganizationChange = keyof typeof CHANGES;

export const doneKey = (value: unknown) => pickDoneMessage(CHANGES, value);
