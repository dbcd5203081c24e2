import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { describeFault } from "@/lib/db-unavailable";
import { pickLocale, type Locale } from "@/lib/mail/locale";

/** Set by the language switcher (lib/i18n/switch-locale.ts); read on every request. */
export const LOCALE_COOKIE = "mg_locale";

/** The signed-in user's saved language; null when signed out or when it cannot be read (a page still renders, in the cookie's or browser's language). */
async function savedLocale(): Promise<string | null> {
  try {
    const user = await getCurrentUser();
    if (!user) return null;
    return (await db.user.findUnique({ where: { id: user.id }, select: { locale: true } }))?.locale ?? null;
  } catch (error) {
    unstable_rethrow(error);
    console.error("locale: could not read the saved language:", describeFault(error));
    return null;
  }
}

/**
 * The language of this request's pages and form messages: the user's saved
 * choice (User.locale, which emails use too), else the switcher's cookie,
 * else the browser's Accept-Language, else English.
 */
export const resolveLocale = cache(async (): Promise<Locale> => {
  const [saved, jar, head] = await Promise.all([savedLocale(), cookies(), headers()]);
  return pickLocale(saved ?? jar.get(LOCALE_COOKIE)?.value, head.get("accept-language"));
});
