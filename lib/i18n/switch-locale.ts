import "server-only";
import { cookies } from "next/headers";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { env, secureCookies } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/mail/locale";
import { isSameOrigin } from "@/lib/security/safe-redirect";
import { LOCALE_COOKIE } from "./resolve-locale";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The language switcher's choice: kept in a cookie (signed out it is the
 * only record), and saved as the user's own when signed in, so their
 * emails and other devices follow. An unknown language changes nothing.
 */
export async function chooseLocale(raw: string): Promise<Locale | null> {
  if (!isLocale(raw)) return null;
  (await cookies()).set(LOCALE_COOKIE, raw, { httpOnly: true, sameSite: "lax", secure: secureCookies, path: "/", maxAge: ONE_YEAR_SECONDS });
  const user = await getCurrentUser();
  if (user) await db.user.update({ where: { id: user.id }, data: { locale: raw } });
  return raw;
}

/** Where the switcher sends the browser back to: the page it was on when that is a path on this site, else home. */
export function switcherReturnPath(raw: string): string {
  const local = raw.startsWith("/") && !raw.startsWith("//") && !raw.startsWith("/\\");
  return local && isSameOrigin(raw, env.APP_URL) ? raw : "/";
}
