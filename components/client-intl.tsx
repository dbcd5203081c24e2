import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * Gives the client components of a shell (console, account) their words in
 * the request's language, formatted by next-intl (arguments, plurals): only
 * the namespaces named here travel to the browser, not the whole catalogue.
 * The words of every page (digit boxes, show-password, the error page) are
 * not here but in the root layout's plain context (components/shared-words.tsx),
 * so pages outside these shells load no message formatter.
 */
export async function ClientIntl({ namespaces, children }: { namespaces: (namespace: string) => boolean; children: React.ReactNode }) {
  const messages = await getMessages();
  const picked = Object.entries(messages).filter(([namespace]) => namespaces(namespace));
  return <NextIntlClientProvider messages={Object.fromEntries(picked)}>{children}</NextIntlClientProvider>;
}
