import "server-only";
import { db } from "@/lib/db";
import type { OtpLimits } from "@/lib/settings/schema";

/**
 * Consecutive wrong codes per address, across codes and resends: a resend
 * gives a new code 5 fresh tries, but not a fresh count here, so guessing
 * by "resend, try 5, resend" ends in a lock.
 */
export async function lockedForSeconds(email: string, now = new Date()): Promise<number> {
  const guard = await db.addressGuard.findUnique({ where: { email } });
  if (!guard?.lockedUntil || guard.lockedUntil <= now) return 0;
  return Math.ceil((guard.lockedUntil.getTime() - now.getTime()) / 1000);
}

/** Records a wrong code; returns true when this failure started a lock. */
export async function recordFailedVerify(email: string, limits: OtpLimits, now = new Date()): Promise<boolean> {
  const guard = await db.addressGuard.upsert({
    where: { email },
    create: { email, failedVerifies: 1 },
    update: { failedVerifies: { increment: 1 } },
  });
  if (guard.failedVerifies < limits.lockAfterFailedVerifies) return false;
  // Only the request that crosses the threshold starts the lock (and so
  // sends the one notice email); the counter restarts for after the lock.
  const { count } = await db.addressGuard.updateMany({
    where: { email, failedVerifies: { gte: limits.lockAfterFailedVerifies } },
    data: { failedVerifies: 0, lockedUntil: new Date(now.getTime() + limits.lockMinutes * 60_000) },
  });
  return count === 1;
}

export async function clearFailedVerifies(email: string): Promise<void> {
  await db.addressGuard.updateMany({ where: { email }, data: { failedVerifies: 0 } });
}
