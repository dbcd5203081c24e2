import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * Gives client components the `forms` words (messages/<locale>/forms.json:
 * digit boxes, show-password toggle) in the request's language; only that
 * namespace travels to the browser, not the whole catalogue.
 */
export async function FormsIntl({ children }: { children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={{ forms: messages.forms }}>{children}</NextIntlClientProvider>;
}
