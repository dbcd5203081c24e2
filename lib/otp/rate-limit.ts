import "server-only";
import { db } from "@/lib/db";

/**
 * Sliding-window counter stored in the database, so a limit holds across
 * every app instance sharing it. Each window is one row whose count is
 * bumped by a single atomic upsert (INSERT … ON CONFLICT DO UPDATE); the
 * previous window is weighted by how much of it still overlaps "now".
 */
export type LimitCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

function windowKeys(bucket: string, windowMs: number, now: number) {
  const index = Math.floor(now / windowMs);
  return {
    current: `${bucket}|${index}`,
    previous: `${bucket}|${index - 1}`,
    elapsed: (now - index * windowMs) / windowMs,
    windowEnd: (index + 1) * windowMs,
  };
}

function decide(current: number, previous: number, elapsed: number, limit: number, windowMs: number): LimitCheck {
  const estimate = current + previous * (1 - elapsed);
  if (estimate <= limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - elapsed) * windowMs) / 1000)) };
}

/** Counts one event and says whether it is within `limit` per `windowMs`. */
export async function hit(bucket: string, limit: number, windowMs: number, now = Date.now()): Promise<LimitCheck> {
  const k = windowKeys(bucket, windowMs, now);
  const [row, prev] = await Promise.all([
    db.rateCounter.upsert({
      where: { id: k.current },
      create: { id: k.current, count: 1, expiresAt: new Date(k.windowEnd + windowMs) },
      update: { count: { increment: 1 } },
    }),
    db.rateCounter.findUnique({ where: { id: k.previous } }),
  ]);
  if (Math.random() < 0.01) await db.rateCounter.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  return decide(row.count, prev?.count ?? 0, k.elapsed, limit, windowMs);
}

/** Like `hit` without counting: for limits that only count failures. */
export async function peek(bucket: string, limit: number, windowMs: number, now = Date.now()): Promise<LimitCheck> {
  const k = windowKeys(bucket, windowMs, now);
  const rows = await db.rateCounter.findMany({ where: { id: { in: [k.current, k.previous] } } });
  const count = (id: string) => rows.find((r) => r.id === id)?.count ?? 0;
  // `peek` asks "may one more happen?", hence the +1.
  return decide(count(k.current) + 1, count(k.previous), k.elapsed, limit, windowMs);
}

export const HOUR = 60 * 60 * 1000;
export const MINUTE = 60 * 1000;
