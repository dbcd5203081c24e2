import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

/**
 * Who may attempt an outbox message: the holder of its lease. A holder
 * renews the lease while its send is in progress, so the lease can be short
 * and the message of a process that died is picked up within seconds.
 */
export const LEASE_MS = 30_000;
/** A send still running after this (beyond every connector's timeouts) stops renewing: its message goes to another worker. */
export const MAX_HOLD_MS = 10 * 60_000;

export type Claim = { id: string; leaseToken: string; from: "queued" | "failed" | "sending" };

/**
 * Leases up to `limit` due messages to the caller: queued or failed ones
 * whose time has come, and `sending` ones whose lease ran out (their holder
 * died). Each claim is a conditional update, so of several workers racing
 * for a row exactly one gets it, on SQLite and on PostgreSQL alike.
 */
export async function claimDue(limit: number, { now = new Date(), leaseMs = LEASE_MS } = {}): Promise<Claim[]> {
  if (limit <= 0) return [];
  const candidates = await db.emailMessage.findMany({
    where: {
      OR: [
        { status: { in: ["queued", "failed"] }, nextAttemptAt: { lte: now } },
        { status: "sending", leaseUntil: { lt: now } },
      ],
    },
    select: { id: true, status: true, leaseToken: true },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
  });
  const claimed: Claim[] = [];
  for (const candidate of candidates) {
    const leaseToken = randomUUID();
    const due =
      candidate.status === "sending"
        ? { status: "sending", leaseToken: candidate.leaseToken, leaseUntil: { lt: now } }
        : { status: candidate.status, nextAttemptAt: { lte: now } };
    const { count } = await db.emailMessage.updateMany({
      where: { id: candidate.id, ...due },
      data: { status: "sending", leaseToken, leaseUntil: new Date(now.getTime() + leaseMs) },
    });
    if (count === 1) claimed.push({ id: candidate.id, leaseToken, from: candidate.status as Claim["from"] });
  }
  return claimed;
}

/** Gives back a claim that was never attempted (its worker is stopping): due again at once, for any worker. */
export async function releaseClaim(claim: Claim): Promise<void> {
  await db.emailMessage.updateMany({
    where: { id: claim.id, leaseToken: claim.leaseToken, status: "sending" },
    data: { status: claim.from === "failed" ? "failed" : "queued", leaseToken: null, leaseUntil: null, nextAttemptAt: new Date() },
  });
}

/** Runs `work` (a send) while renewing the lease every third of its length; stops when the lease was lost. */
export async function holdLease<T>(id: string, leaseToken: string, work: Promise<T>, leaseMs = LEASE_MS): Promise<T> {
  const started = Date.now();
  const timer = setInterval(() => {
    if (Date.now() - started > MAX_HOLD_MS) return clearInterval(timer);
    db.emailMessage
      .updateMany({ where: { id, leaseToken, status: "sending" }, data: { leaseUntil: new Date(Date.now() + leaseMs) } })
      .then(({ count }) => count === 0 && clearInterval(timer))
      // The next beat tries again; if none gets through, the lease runs out and another worker retries (same Message-ID).
      .catch((error: unknown) => console.error(`mailgate: email ${id}: could not renew its lease: ${error instanceof Error ? error.message : String(error)}`));
  }, leaseMs / 3);
  timer.unref();
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
