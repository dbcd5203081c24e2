import "server-only";
import { cookies } from "next/headers";
import { secureCookies } from "@/lib/env";

/**
 * The email change in progress in this browser, between "Send code" and the
 * code page. The id alone unlocks nothing: the lib binds the change to the
 * user and the session that started it.
 */
const COOKIE = "mg_email_change";
const MAX_AGE_SECONDS = 30 * 60;
const options = { httpOnly: true, sameSite: "lax", secure: secureCookies, path: "/account" } as const;

export async function setEmailChangeCookie(changeId: string): Promise<void> {
  (await cookies()).set(COOKIE, changeId, { ...options, maxAge: MAX_AGE_SECONDS });
}

export async function readEmailChangeCookie(): Promise<string | undefined> {
  return (await cookies()).get(COOKIE)?.value || undefined;
}

export async function clearEmailChangeCookie(): Promise<void> {
  (await cookies()).set(COOKIE, "", { ...options, maxAge: 0 });
}
