import "server-only";
import { cookies } from "next/headers";
import { secureCookies } from "@/lib/env";
import { safeReturnPath } from "@/lib/security/safe-redirect";

/*
 * Where a sign-in comes back to (an invitation's page sends people to
 * /sign-in?next=/invite/<token>). The first step of every sign-in (password,
 * email code, reset) remembers the page's `next` here, or forgets an earlier
 * one, so the second step — a code page or two-step verification, each its
 * own URL — ends there too. HttpOnly and short-lived like the flow cookie;
 * finishSignIn clears it.
 */
const COOKIE = "mg_return";
const MAX_AGE_SECONDS = 30 * 60;

export async function rememberReturn(next: unknown): Promise<void> {
  const path = safeReturnPath(next);
  const jar = await cookies();
  if (!path) jar.delete(COOKIE);
  else jar.set(COOKIE, path, { httpOnly: true, sameSite: "lax", secure: secureCookies, path: "/", maxAge: MAX_AGE_SECONDS });
}

/** The remembered page, checked again (a cookie comes back from the browser like any input). */
export async function readReturn(): Promise<string | null> {
  return safeReturnPath((await cookies()).get(COOKIE)?.value);
}

export async function clearReturn(): Promise<void> {
  (await cookies()).delete(COOKIE);
}

/** `path` with the sign-in return kept, for links between the sign-in pages. */
export function withNext(path: string, next: string | null): string {
  if (!next) return path;
  return `${path}${path.includes("?") ? "&" : "?"}next=${encodeURIComponent(next)}`;
}
