import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/sqlite/client";
import { db } from "@/lib/db";
import type { OtpLimits } from "@/lib/settings/schema";
import { lockedForSeconds } from "./address-guard";
import { CODE_KEY_ID, generateCode, hashCode } from "./code-hash";
import type { Purpose } from "./purposes";
import { HOUR, hit } from "./rate-limit";

export type IssueInput = { purpose: Purpose; email: string; flowId: string; ip: string };

export type IssueResult =
  | { ok: true; id: string; code: string; expiresAt: Date }
  | { ok: false; reason: "cooldown" | "rate_limited" | "locked"; retryAfterSeconds: number };

export type IssueOptions = {
  now?: Date;
  /**
   * Called with the new code once the limits allowed it; returns the write
   * that goes with it (its email in the outbox), done in the code's
   * transaction: both exist or neither, so no code sits in its cooldown
   * with nothing sent.
   */
  withCode?: (code: string) => Promise<(tx: Prisma.TransactionClient) => Promise<void>>;
};

/** Another request wrote this address's code a moment ago (the unique key refused ours). */
class LostRace extends Error {}

/**
 * Issues a code for purpose + address, replacing any earlier one. The
 * cooldown is enforced by the write itself (update only if the last send is
 * older than the cooldown, or insert under the unique key), so concurrent
 * requests from several instances cannot both send. The limits count the
 * request before they are checked, outside the transaction: a request that
 * fails later still counts.
 */
export async function issueCode(input: IssueInput, limits: OtpLimits, opts: IssueOptions = {}): Promise<IssueResult> {
  const { purpose, email, flowId } = input;
  const now = opts.now ?? new Date();
  const locked = await lockedForSeconds(email, now);
  if (locked > 0) return { ok: false, reason: "locked", retryAfterSeconds: locked };

  const cooldownMs = limits.resendCooldownSeconds * 1000;
  const existing = await db.verificationCode.findUnique({ where: { purpose_email: { purpose, email } } });
  const wait = existing ? existing.sentAt.getTime() + cooldownMs - now.getTime() : 0;
  if (wait > 0) return { ok: false, reason: "cooldown", retryAfterSeconds: Math.ceil(wait / 1000) };

  for (const [bucket, limit] of [
    [`send-ip:${input.ip}`, limits.maxSendsPerIpPerHour],
    [`send-address:${email}`, limits.maxSendsPerAddressPerHour],
  ] as const) {
    const check = await hit(bucket, limit, HOUR, now.getTime());
    if (!check.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: check.retryAfterSeconds };
  }

  const code = generateCode();
  const alongside = await opts.withCode?.(code);
  const expiresAt = new Date(now.getTime() + limits.ttlSeconds * 1000);
  const id = randomUUID();
  const data = {
    id, flowId, codeHash: hashCode({ purpose, email, flowId, code }), keyId: CODE_KEY_ID,
    attempts: 0, maxAttempts: limits.maxAttempts, sentAt: now, expiresAt, consumedAt: null,
  };
  try {
    // Starts with a write, so on SQLite the transaction takes the write lock at once (no read-then-upgrade).
    await db.$transaction(async (tx) => {
      const replaced = await tx.verificationCode.updateMany({ where: { purpose, email, sentAt: { lte: new Date(now.getTime() - cooldownMs) } }, data });
      if (replaced.count === 0) {
        // On PostgreSQL a refused insert ends the transaction: nothing else may follow it.
        await tx.verificationCode.create({ data: { ...data, purpose, email } }).catch((error: unknown) => {
          throw (error as { code?: string }).code === "P2002" ? new LostRace() : error;
        });
      }
      await alongside?.(tx);
    });
  } catch (error) {
    if (!(error instanceof LostRace)) throw error;
    return { ok: false, reason: "cooldown", retryAfterSeconds: limits.resendCooldownSeconds };
  }
  return { ok: true, id, code, expiresAt };
}

/** Seconds until a new code may be sent (0 = now). For the resend countdown. */
export async function resendAvailableIn(purpose: Purpose, email: string, limits: OtpLimits, now = new Date()) {
  const row = await db.verificationCode.findUnique({ where: { purpose_email: { purpose, email } } });
  if (!row) return 0;
  return Math.max(0, Math.ceil((row.sentAt.getTime() + limits.resendCooldownSeconds * 1000 - now.getTime()) / 1000));
}

/**
 * Withdraws a code whose email could not be sent, so the user may retry at
 * once instead of waiting out a cooldown for a message that never left.
 */
export async function withdrawCode(id: string): Promise<void> {
  await db.verificationCode.deleteMany({ where: { id, consumedAt: null } });
}
