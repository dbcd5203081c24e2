import "server-only";
import { MINUTE, giveBack, take, type Taken } from "@/lib/otp/rate-limit";

/**
 * Every password check (sign-in, step-up, the password option of an MFA
 * challenge) goes through here. One attempt is taken from each limit
 * before the hash is verified, so concurrent guesses cannot all be checked
 * while the failures are still being counted; a right password gives its
 * attempts back, so only failures count and the owner is not locked out by
 * signing in. A limit that refuses keeps the attempts already taken from
 * the limits before it: a refused guess is still a guess from that IP.
 */
export const PASSWORD_WINDOW_MS = 15 * MINUTE;

export type PasswordLimit = { bucket: string; limit: number };
export type PasswordVerdict = "right" | "wrong" | "limited";

/** The per-account bucket of sign-in and the MFA password option (an account deleted drops it by this prefix). */
export const accountPasswordBucket = (email: string) => `password-fail:${email}`;

export async function checkPasswordWithin(limits: PasswordLimit[], verify: () => Promise<boolean>): Promise<PasswordVerdict> {
  const taken: Taken[] = [];
  for (const { bucket, limit } of limits) {
    const attempt = await take(bucket, limit, PASSWORD_WINDOW_MS);
    if (!attempt.allowed) return "limited";
    taken.push(attempt);
  }
  if (!(await verify())) return "wrong";
  await Promise.all(taken.map(giveBack));
  return "right";
}
