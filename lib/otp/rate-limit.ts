import "server-only";
import { db, sqlFor, type Client } from "@/lib/db";
import { param } from "@/lib/db-sql";
import { expirySweeper } from "@/lib/db-sweep";

/**
 * Sliding-window counters stored in the database, so a limit holds across
 * every app instance sharing it. One row per bucket holds the current
 * window's count and the previous window's (`prev`); the previous one is
 * weighted by how much of it still overlaps "now". Counting is a single
 * INSERT … ON CONFLICT DO UPDATE that also rolls the window over, and it
 * returns both counts: one statement per request, however many buckets.
 */
export type LimitCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };
export type Limit = { bucket: string; limit: number; windowMs: number };

function windowOf(windowMs: number, now: number) {
  const index = Math.floor(now / windowMs);
  return { index, elapsed: (now - index * windowMs) / windowMs, expiresAt: new Date((index + 2) * windowMs) };
}

const refused = (elapsed: number, windowMs: number): Exclude<LimitCheck, { allowed: true }> => ({
  allowed: false,
  retryAfterSeconds: Math.max(1, Math.ceil(((1 - elapsed) * windowMs) / 1000)),
});

function decide(current: number, previous: number, elapsed: number, limit: number, windowMs: number): LimitCheck {
  return current + previous * (1 - elapsed) <= limit ? { allowed: true } : refused(elapsed, windowMs);
}

export const sweepExpiredCounters = expirySweeper("RateCounter");

// The row as it is once rolled to the request's window (a request from a
// clock behind the row's counts into the row's window).
const T = `"RateCounter"`;
const SAME = `${T}."windowIndex" >= excluded."windowIndex"`;
const ROLLED_PREV = `CASE WHEN ${SAME} THEN ${T}."prev" WHEN ${T}."windowIndex" = excluded."windowIndex" - 1 THEN ${T}."count" ELSE 0 END`;
const ROLLED_COUNT = `CASE WHEN ${SAME} THEN ${T}."count" ELSE 0 END`;
const UPSERT = `INSERT INTO ${T} ("id", "windowIndex", "count", "prev", "expiresAt") VALUES`;
const ROLL_AND_COUNT = `ON CONFLICT ("id") DO UPDATE SET
  "prev" = ${ROLLED_PREV},
  "count" = ${ROLLED_COUNT} + 1,
  "windowIndex" = CASE WHEN ${SAME} THEN ${T}."windowIndex" ELSE excluded."windowIndex" END,
  "expiresAt" = CASE WHEN ${SAME} THEN ${T}."expiresAt" ELSE excluded."expiresAt" END`;

type Counted = { id: string; count: number | bigint; prev: number | bigint };

/**
 * Counts one event in each bucket (one statement) and says, per bucket in
 * order, whether it is within its limit. `client`: a caller's transaction
 * (the counts then land in its commit).
 */
export async function hitAll(limits: readonly Limit[], now = Date.now(), client: Client = db): Promise<LimitCheck[]> {
  const windows = limits.map((l) => windowOf(l.windowMs, now));
  // Each row: id, windowIndex, count (1), prev (0), expiresAt.
  let n = 0;
  const text = `${UPSERT} ${limits.map(() => `(${param(++n)}, ${param(++n)}, 1, 0, ${param(++n)})`).join(", ")} ${ROLL_AND_COUNT} RETURNING "id", "count", "prev"`;
  const args = limits.flatMap((l, i) => [l.bucket, windows[i]!.index, windows[i]!.expiresAt]);
  const rows = await sqlFor(client).query<Counted>(text, ...args);
  // Not inside a caller's transaction: on SQLite the sweep would wait for it to end (the caller sweeps after).
  if (client === db) await sweepExpiredCounters();
  return limits.map((l, i) => {
    const counted = rows.find((r) => r.id === l.bucket);
    if (!counted) throw new Error(`rate limit: no row returned for ${l.bucket}`);
    return decide(Number(counted.count), Number(counted.prev), windows[i]!.elapsed, l.limit, l.windowMs);
  });
}

/** Counts one event and says whether it is within `limit` per `windowMs`. */
export async function hit(bucket: string, limit: number, windowMs: number, now = Date.now()): Promise<LimitCheck> {
  return (await hitAll([{ bucket, limit, windowMs }], now))[0]!;
}

/** Like `hit` without counting: "may one more happen?" */
export async function peek(bucket: string, limit: number, windowMs: number, now = Date.now()): Promise<LimitCheck> {
  const w = windowOf(windowMs, now);
  const stored = await db.rateCounter.findUnique({ where: { id: bucket } });
  const current = stored && stored.windowIndex >= w.index ? stored.count : 0;
  const previous = !stored ? 0 : stored.windowIndex >= w.index ? stored.prev : stored.windowIndex === w.index - 1 ? stored.count : 0;
  return decide(current + 1, previous, w.elapsed, limit, windowMs);
}

/** An attempt taken from a bucket: `giveBack` returns it to the window it was taken from. */
export type Taken = { allowed: true; bucket: string; windowIndex: number };

/**
 * Takes one attempt only while the window has room for it, for limits whose
 * check must come BEFORE the slow or secret-revealing work (a password
 * verify): a check-then-count lets every concurrent request pass the check.
 * The upsert's DO UPDATE only applies while `count + 1 + prev·weight ≤
 * limit`, and the database applies such updates one at a time: of any
 * number of concurrent calls, at most the room left succeed. Refused calls
 * count nothing. Sequentially it agrees with `peek`. `client`: a caller's
 * transaction, to take from several buckets in one commit.
 */
export async function take(
  bucket: string, limit: number, windowMs: number, now = Date.now(), client: Client = db,
): Promise<Taken | Exclude<LimitCheck, { allowed: true }>> {
  const w = windowOf(windowMs, now);
  const text = `${UPSERT} (${param(1)}, ${param(2)}, 1, 0, ${param(3)}) ${ROLL_AND_COUNT}
    WHERE ${ROLLED_COUNT} + 1 + ${ROLLED_PREV} * CAST(${param(4)} AS DOUBLE PRECISION) <= ${param(5)}
    RETURNING "count"`;
  // A limit below 1 has no room even for a first attempt (the insert is not conditional).
  const rows = limit >= 1 ? await sqlFor(client).query<unknown>(text, bucket, w.index, w.expiresAt, 1 - w.elapsed, limit) : [];
  if (client === db) await sweepExpiredCounters();
  return rows.length === 1 ? { allowed: true, bucket, windowIndex: w.index } : refused(w.elapsed, windowMs);
}

/** Returns an attempt `take` gave, e.g. when the password was right: only failures stay counted. `client`: as for `take`. */
export async function giveBack(taken: Taken, client: Client = db): Promise<void> {
  // Still the current window, or rolled over once since (the attempt is then in `prev`).
  await sqlFor(client).execute(
    `UPDATE "RateCounter" SET
       "count" = CASE WHEN "windowIndex" = ${param(1)} AND "count" > 0 THEN "count" - 1 ELSE "count" END,
       "prev" = CASE WHEN "windowIndex" = ${param(2)} AND "prev" > 0 THEN "prev" - 1 ELSE "prev" END
     WHERE "id" = ${param(3)}`,
    taken.windowIndex, taken.windowIndex + 1, taken.bucket,
  );
}

export const HOUR = 60 * 60 * 1000;
export const MINUTE = 60 * 1000;
