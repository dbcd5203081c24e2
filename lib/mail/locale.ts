import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "@/emails/i18n";

export { isLocale, LOCALES };
export type { Locale };

/** "ja-JP", "ja_jp", "JA" → "ja"; null when the language is not one we write. */
function toLocale(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return isLocale(primary) ? primary : null;
}

const TAG = /^[a-z]{1,8}(?:[-_][a-z0-9]{1,8})*$/i;
const QUALITY = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;

/**
 * Language tags of an Accept-Language header, best first: by q-value, ties
 * in header order. Malformed entries, "*" and q=0 are dropped; the header is
 * capped so a huge one costs nothing.
 */
function rankAcceptLanguage(header: string): string[] {
  return header
    .slice(0, 1024)
    .split(",")
    .slice(0, 32)
    .map((entry, index) => {
      const [tag = "", ...params] = entry.split(";").map((part) => part.trim());
      let q = 1;
      for (const param of params) {
        if (!/^q\s*=/i.test(param)) continue;
        const match = QUALITY.exec(param.replace(/\s+/g, ""));
        q = match?.[1] ? Number(match[1]) : 0;
      }
      return { tag, q, index };
    })
    .filter(({ tag, q }) => q > 0 && TAG.test(tag))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag);
}

/**
 * The language for an email: the user's saved locale when we support it,
 * else the best supported language of the request's Accept-Language, else
 * English.
 */
export function pickLocale(saved: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  const fromSaved = saved ? toLocale(saved) : null;
  if (fromSaved) return fromSaved;
  for (const tag of acceptLanguage ? rankAcceptLanguage(acceptLanguage) : []) {
    const locale = toLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
