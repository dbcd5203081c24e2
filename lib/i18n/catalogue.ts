import enMessages from "@/messages/en.json";
import jaMessages from "@/messages/ja.json";
import { ERROR_CODES, userText } from "@/lib/errors/codes";
import type { Locale } from "@/lib/mail/locale";

/** A catalogue: namespaces of keys, nested objects ending in message strings (next-intl's format). */
export type Messages = { [key: string]: string | Messages };

/**
 * One catalogue per language. English error words stay in their one table
 * (lib/errors/codes.ts) and join the English catalogue here as `errors.*`;
 * messages/ja.json carries the Japanese column of that table.
 */
export const catalogues: Record<Locale, Messages> = {
  en: { ...enMessages, errors: Object.fromEntries(ERROR_CODES.map((code) => [code, userText(code)])) },
  ja: jaMessages,
};
