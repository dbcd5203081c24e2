import "server-only";
import { getLocale } from "next-intl/server";
import { translateText } from "@/lib/i18n/translate-text";
import type { Locale } from "@/lib/mail/locale";

/**
 * A lib function's English text (a retry refusal, a connector's problem) in
 * the reader's language, for a server component: the same table the form
 * states use (lib/i18n/translate-text.ts, the `consoleLib` namespace).
 */
export async function consoleTranslator(): Promise<{ locale: Locale; tr: (text: string) => string }> {
  const locale = (await getLocale()) as Locale;
  return { locale, tr: (text: string) => translateText(locale, text) };
}
