import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/** Words every client component may need, whatever the page: digit boxes, show-password toggle, the error page. */
const SHARED_NAMESPACES = ["forms", "errorPage"] as const;

/**
 * Gives client components their words in the request's language: only the
 * namespaces named here travel to the browser, not the whole catalogue. A
 * nested provider replaces the outer one's messages rather than adding to
 * them, so every provider carries the shared namespaces too.
 */
export async function ClientIntl({ namespaces = () => false, children }: { namespaces?: (namespace: string) => boolean; children: React.ReactNode }) {
  const messages = await getMessages();
  const picked = Object.entries(messages).filter(([namespace]) => (SHARED_NAMESPACES as readonly string[]).includes(namespace) || namespaces(namespace));
  return <NextIntlClientProvider messages={Object.fromEntries(picked)}>{children}</NextIntlClientProvider>;
}
