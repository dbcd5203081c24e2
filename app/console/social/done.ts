import { pickDoneMessage } from "@/components/done-message";

/** The changes the social connectors page reports after a redirect (`?done=`), each the key of its words in `consoleSocial.done`; anything else in the query shows nothing. */
const CHANGES = { added: "added", saved: "saved", enabled: "enabled", disabled: "disabled", moved: "moved", deleted: "deleted" } as const;

export type SocialChange = keyof typeof CHANGES;

export const doneKey = (value: unknown) => pickDoneMessage(CHANGES, value);
