import "server-only";
import { getTranslations } from "next-intl/server";
import { isEmailKind } from "@/lib/mail/deliveries-view";

/** Words for an email's kind, in the reader's language. */
export type EmailKindLabel = (kind: string) => string;

/**
 * The one table of email kinds in words (`SignIn` → "Sign-in code"): the
 * catalogue's `emailKinds` (messages/<locale>/site.json). Everything people
 * see (the console's deliveries and templates, the dev mailbox) names an
 * email through it; a kind no longer known (an old outbox row) is "Other email".
 */
export async function getEmailKindLabel(): Promise<EmailKindLabel> {
  const t = await getTranslations("emailKinds");
  return (kind) => (isEmailKind(kind) ? t(kind) : t("other"));
}
