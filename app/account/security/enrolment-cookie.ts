import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";
import { secureCookies } from "@/lib/env";

/**
 * The factor being set up in this browser, between "Turn on" and the first
 * code: only its id. The lib checks it against the user, and the page reads
 * the authenticator secret back from the lib's sealed row, so the secret
 * never travels in a cookie.
 */
const COOKIE = "mg_mfa_enrol";
const MAX_AGE_SECONDS = 15 * 60;
const PATH = "/account/security";

const pendingEnrolmentSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("email"), enrolmentId: z.string().min(1) }),
  z.object({ kind: z.literal("totp"), enrolmentId: z.string().min(1) }),
]);
export type PendingEnrolment = z.infer<typeof pendingEnrolmentSchema>;

export async function setEnrolmentCookie(enrolment: PendingEnrolment): Promise<void> {
  const value = Buffer.from(JSON.stringify(enrolment)).toString("base64url");
  (await cookies()).set(COOKIE, value, { httpOnly: true, sameSite: "lax", secure: secureCookies, path: PATH, maxAge: MAX_AGE_SECONDS });
}

export async function readEnrolmentCookie(): Promise<PendingEnrolment | null> {
  const raw = (await cookies()).get(COOKIE)?.value;
  if (!raw) return null;
  try {
    const parsed = pendingEnrolmentSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function clearEnrolmentCookie(): Promise<void> {
  (await cookies()).set(COOKIE, "", { httpOnly: true, sameSite: "lax", secure: secureCookies, path: PATH, maxAge: 0 });
}
