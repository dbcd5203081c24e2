import { pickDoneMessage } from "@/components/done-message";

/** The changes of the version in use an email template's page reports (`?done=`), each the key of its words in `consoleEmails.done`. */
const CHANGES = { saved: "saved", reset: "reset", reverted: "reverted" } as const;

export type DoneKey = keyof typeof CHANGES;

export const doneKey = (value: unknown) => pickDoneMessage(CHANGES, value);
