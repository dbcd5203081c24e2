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

const refused = (elapsed: number, windowMs: number): LimitCheck => ({
  allowed: false,
  retryAfterSeconds: Math.max(1, Math.ceil(((1 - elapsed) * windowMs) / 1000)),
});

function decide(current: number, previous: number, elapsed: number, limit: number, windowMs: number): LimitCheck {
  const estimate = current + previous * (1 - elapsed);
  return estimate <= limit ? { allowed: true } : refused(elapsed, windowMs);
}

async function sweep(now: number) {
  if (Math.random() < 0.01) await db.rateCounter.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
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
  await sweep(now);
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

/** An attempt taken from a bucket: `giveBack` returns it to the window it was taken from. */
export type Taken = { allowed: true; counter: string };

/**
 * Takes one attempt only while the window has room for it, for limits whose
 * check must come BEFORE the slow or secret-revealing work (a password
 * verify): `peek`-then-`hit` lets every concurrent request pass the peek.
 * The room left by the previous window's weight is fixed for the moment of
 * the call, so the increment can be a conditional update (`count < room`)
 * that the database applies one at a time: of any number of concurrent
 * calls, at most `room` succeed. Refused calls count nothing.
 * Sequentially it agrees with `peek`: allowed exactly when `peek` would be.
 */
export async function take(bucket: string, limit: number, windowMs: number, now = Date.now()): Promise<Taken | Exclude<LimitCheck, { allowed: true }>> {
  const k = windowKeys(bucket, windowMs, now);
  const prev = await db.rateCounter.findUnique({ where: { id: k.previous }, select: { count: true } });
  // current + 1 + prev·(1 − elapsed) ≤ limit  ⇔  current < ⌊limit − prev·(1 − elapsed)⌋
  const room = Math.floor(limit - (prev?.count ?? 0) * (1 - k.elapsed));
  await sweep(now);
  if (room >= 1 && (await takeFrom(k.current, room, new Date(k.windowEnd + windowMs)))) return { allowed: true, counter: k.current };
  return refused(k.elapsed, windowMs) as Exclude<LimitCheck, { allowed: true }>;
}

async function takeFrom(id: string, room: number, expiresAt: Date): Promise<boolean> {
  const bump = () => db.rateCounter.updateMany({ where: { id, count: { lt: room } }, data: { count: { increment: 1 } } });
  if ((await bump()).count === 1) return true;
  try {
    await db.rateCounter.create({ data: { id, count: 1, expiresAt } });
    return true;
  } catch (error) {
    // Either the window is full, or a concurrent call created its row first: bump once more to tell which.
    if ((error as { code?: string }).code !== "P2002") throw error;
    return (await bump()).count === 1;
  }
}

/** Returns an attempt `take` gave, e.g. when the password was right: only failures stay counted. */
export async function giveBack(taken: Taken): Promise<void> {
  await db.rateCounter.updateMany({ where: { id: taken.counter, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

export const HOUR = 60 * 60 * 1000;
export const MINUTE = 60 * 1000;
