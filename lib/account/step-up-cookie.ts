import "server-only";
import { cookies } from "next/headers";
import { secureCookies } from "@/lib/env";
import { STEP_UP_TTL_MS } from "./step-up";

/**
 * The account pages carry the step-up verification id in an HttpOnly
 * cookie between /account/verify and the page that needs it. The id alone
 * unlocks nothing: the verification is bound to the user and the session.
 */
const COOKIE = "mg_stepup";

export async function setStepUpCookie(verificationId: string): Promise<void> {
  (await cookies()).set(COOKIE, verificationId, {
    httpOnly: true, sameSite: "lax", secure: secureCookies, path: "/", maxAge: STEP_UP_TTL_MS / 1000,
  });
}

export async function readStepUpCookie(): Promise<string | undefined> {
  return (await cookies()).get(COOKIE)?.value || undefined;
}

export async function clearStepUpCookie(): Promise<void> {
  (await cookies()).set(COOKIE, "", { httpOnly: true, sameSite: "lax", secure: secureCookies, path: "/", maxAge: 0 });
}
