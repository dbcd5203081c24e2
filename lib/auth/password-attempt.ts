import "server-only";
import { sql } from "@/lib/db";
import type { Sql } from "@/lib/db-direct";
import { MINUTE, giveBack, sweepExpiredCounters, take, type Taken } from "@/lib/otp/rate-limit";

/**
 * Every password check (sign-in, step-up, the password option of an MFA
 * challenge) goes through here. One attempt is taken from each limit
 * before the hash is verified, so concurrent guesses cannot all be checked
 * while the failures are still being counted; a right password gives its
 * attempts back, so only failures count and the owner is not locked out by
 * signing in. A limit that refuses keeps the attempts already taken from
 * the limits before it: a refused guess is still a guess from that IP.
 *
 * Commits: the attempts are taken in one, and given back in one, together
 * with whatever `onRight` writes (a sign-in's session): on SQLite every
 * commit waits for the disk.
 */
export const PASSWORD_WINDOW_MS = 15 * MINUTE;

export type PasswordLimit = { bucket: string; limit: number };
export type PasswordCheck<T> = { verdict: "wrong" } | { verdict: "limited" } | { verdict: "right"; value: T };

/** The per-account bucket of sign-in and the MFA password option (an account deleted drops it by this prefix). */
export const accountPasswordBucket = (email: string) => `password-fail:${email}`;

export async function checkPasswordWithin<T = void>(
  limits: PasswordLimit[], verify: () => Promise<boolean>, onRight: (tx: Sql) => Promise<T> = async () => undefined as T,
): Promise<PasswordCheck<T>> {
  const now = Date.now();
  const taken = await sql.transaction(async (tx) => {
    const all: Taken[] = [];
    for (const { bucket, limit } of limits) {
      const attempt = await take(bucket, limit, PASSWORD_WINDOW_MS, now, tx);
      if (!attempt.allowed) return null;
      all.push(attempt);
    }
    return all;
  });
  await sweepExpiredCounters();
  if (!taken) return { verdict: "limited" };
  if (!(await verify())) return { verdict: "wrong" };
  const value = await sql.transaction(async (tx) => {
    for (const attempt of taken) await giveBack(attempt, tx);
    return onRight(tx);
  });
  return { verdict: "right", value };
}
