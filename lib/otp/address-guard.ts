import "server-only";
import { db } from "@/lib/db";
import { updatedOrNull } from "@/lib/db-sql";
import type { OtpLimits } from "@/lib/settings/schema";

/**
 * Consecutive wrong codes per address, across codes and resends: a resend
 * gives a new code 5 fresh tries, but not a fresh count here, so guessing
 * by "resend, try 5, resend" ends in a lock. (The lock itself is read with
 * the code: ./code-state.ts.)
 */

/** Records a wrong code; returns true when this failure started a lock. */
export async function recordFailedVerify(email: string, limits: OtpLimits, now = new Date()): Promise<boolean> {
  const guard = await db.addressGuard.upsert({
    where: { email },
    create: { email, failedVerifies: 1 },
    update: { failedVerifies: { increment: 1 } },
    select: { failedVerifies: true },
  });
  if (guard.failedVerifies < limits.lockAfterFailedVerifies) return false;
  // Only the request that crosses the threshold starts the lock (and so
  // sends the one notice email); the counter restarts for after the lock.
  const locked = await updatedOrNull(
    db.addressGuard.update({
      where: { email, failedVerifies: { gte: limits.lockAfterFailedVerifies } },
      data: { failedVerifies: 0, lockedUntil: new Date(now.getTime() + limits.lockMinutes * 60_000) },
      select: { email: true },
    }),
  );
  return locked !== null;
}

export async function clearFailedVerifies(email: string): Promise<void> {
  await updatedOrNull(db.addressGuard.update({ where: { email, failedVerifies: { gt: 0 } }, data: { failedVerifies: 0 }, select: { email: true } }));
}
