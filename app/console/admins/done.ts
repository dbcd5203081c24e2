import { pickDoneMessage } from "@/components/done-message";

/** The changes the admins page reports (`?done=`), each the key of its words in `consoleAdmins.done`; anything else in the query shows nothing. */
const CHANGES = { granted: "granted", removed: "removed", transferred: "transferred" } as const;

export type AdminChange = keyof typeof CHANGES;

export const doneKey = (value: unknown) => pickDoneMessage(CHANGES, value);
