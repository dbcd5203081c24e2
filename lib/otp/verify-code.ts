import "server-only";
import { db, type Tx } from "@/lib/db";
import type { OtpLimits } from "@/lib/settings/schema";
import { clearFailedVerifies, lockedForSeconds, recordFailedVerify } from "./address-guard";
import { CODE_KEY_ID, cleanCodeInput, hashCode, hashesEqual } from "./code-hash";
import type { Purpose } from "./purposes";
import { HOUR, hit } from "./rate-limit";

export type VerifyInput = { purpose: Purpose; email: string; flowId: string; code: string; ip: string };

export type VerifyResult =
  | { ok: true }
  | { ok: false; reason: "malformed" | "dead" | "expired" }
  | { ok: false; reason: "wrong"; attemptsLeft: number; lockStarted: boolean }
  | { ok: false; reason: "locked" | "rate_limited"; retryAfterSeconds: number };

/** What the right code unlocks, done in the transaction that consumes it (see verifyCode). */
export type OnConsumed = (tx: Tx) => Promise<void>;

/**
 * Checks a code. Each try first takes one attempt with a conditional
 * increment, so no more than `maxAttempts` guesses are ever compared, even
 * when many arrive at once; the right code is then consumed with a
 * conditional update, so of many concurrent verifies exactly one wins.
 *
 * `onConsumed` runs in the same transaction as the consumption: if it
 * throws, the code is left unconsumed (the user can try it again) and the
 * error propagates. A concurrent verify waits for that transaction, so it
 * still cannot consume the code twice.
 */
export async function verifyCode(input: VerifyInput, limits: OtpLimits, now = new Date(), onConsumed?: OnConsumed): Promise<VerifyResult> {
  const { purpose, email, flowId } = input;
  const code = cleanCodeInput(input.code);
  if (!code) return { ok: false, reason: "malformed" };

  const ipCheck = await hit(`verify-ip:${input.ip}`, limits.maxVerifiesPerIpPerHour, HOUR, now.getTime());
  if (!ipCheck.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: ipCheck.retryAfterSeconds };
  const locked = await lockedForSeconds(email, now);
  if (locked > 0) return { ok: false, reason: "locked", retryAfterSeconds: locked };

  const row = await db.verificationCode.findUnique({ where: { purpose_email: { purpose, email } } });
  // A code from another flow (or an older key) is simply not valid here;
  // it costs the code no attempt, so nobody can burn someone else's code.
  if (!row || row.flowId !== flowId || row.keyId !== CODE_KEY_ID || row.consumedAt) return { ok: false, reason: "dead" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };

  const taken = await db.verificationCode.updateMany({
    where: { id: row.id, consumedAt: null, expiresAt: { gt: now }, attempts: { lt: row.maxAttempts } },
    data: { attempts: { increment: 1 } },
  });
  if (taken.count === 0) return { ok: false, reason: "dead" };

  if (hashesEqual(row.codeHash, hashCode({ purpose, email, flowId, code }))) {
    if (!(await consume(row.id, now, onConsumed))) return { ok: false, reason: "dead" };
    await clearFailedVerifies(email);
    return { ok: true };
  }

  const after = await db.verificationCode.findUnique({ where: { id: row.id }, select: { attempts: true } });
  const lockStarted = await recordFailedVerify(email, limits, now);
  return { ok: false, reason: "wrong", attemptsLeft: Math.max(0, row.maxAttempts - (after?.attempts ?? row.maxAttempts)), lockStarted };
}

async function consume(id: string, now: Date, onConsumed?: OnConsumed): Promise<boolean> {
  const take = (client: Tx) => client.verificationCode.updateMany({ where: { id, consumedAt: null }, data: { consumedAt: now } });
  if (!onConsumed) return (await take(db)).count === 1;
  // The consuming write comes first, so on SQLite the transaction holds the write lock before it reads anything.
  return db.$transaction(async (tx) => {
    if ((await take(tx)).count !== 1) return false;
    await onConsumed(tx);
    return true;
  });
}
