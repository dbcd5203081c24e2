import "server-only";
import { randomUUID } from "node:crypto";
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

/**
 * Issues a code for purpose + address, replacing any earlier one. The
 * cooldown is enforced by the write itself (update only if the last send is
 * older than the cooldown, or insert under the unique key), so concurrent
 * requests from several instances cannot both send.
 */
export async function issueCode(input: IssueInput, limits: OtpLimits, now = new Date()): Promise<IssueResult> {
  const { purpose, email, flowId } = input;
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
  const expiresAt = new Date(now.getTime() + limits.ttlSeconds * 1000);
  const id = randomUUID();
  const data = {
    id, flowId, codeHash: hashCode({ purpose, email, flowId, code }), keyId: CODE_KEY_ID,
    attempts: 0, maxAttempts: limits.maxAttempts, sentAt: now, expiresAt, consumedAt: null,
  };
  const replaced = await db.verificationCode.updateMany({
    where: { purpose, email, sentAt: { lte: new Date(now.getTime() - cooldownMs) } },
    data,
  });
  if (replaced.count === 1) return { ok: true, id, code, expiresAt };
  try {
    await db.verificationCode.create({ data: { ...data, purpose, email } });
    return { ok: true, id, code, expiresAt };
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    // Another request issued a code for this address a moment ago.
    return { ok: false, reason: "cooldown", retryAfterSeconds: limits.resendCooldownSeconds };
  }
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
