import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { recordQueries } from "@/lib/db-queries";
import { giveBack, hit, hitAll, HOUR, MINUTE, peek, sweepExpiredCounters, take } from "./rate-limit";

const WINDOW = 15 * MINUTE;
const bucket = () => `test-${Math.random().toString(36).slice(2, 10)}`;
/** The start of a window, so tests can place "now" anywhere in it. */
const windowStart = Math.floor(Date.now() / WINDOW) * WINDOW;

describe("take / giveBack", () => {
  it("takes up to the limit, then refuses without counting", async () => {
    const b = bucket();
    const now = windowStart + 1000;
    for (let i = 0; i < 3; i++) expect(await take(b, 3, WINDOW, now)).toMatchObject({ allowed: true });
    expect(await take(b, 3, WINDOW, now)).toEqual({ allowed: false, retryAfterSeconds: expect.toSatisfy((s: number) => s >= 899 && s <= 900) });
    expect((await db.rateCounter.findUniqueOrThrow({ where: { id: b } })).count).toBe(3);
  });

  it("agrees with peek, the previous window's weight included", async () => {
    const b = bucket();
    // 6 in the previous window; halfway through this one they weigh 3, leaving room for 2 of a limit of 5.
    for (let i = 0; i < 6; i++) await hit(b, 100, WINDOW, windowStart - 1000);
    const now = windowStart + WINDOW / 2;
    for (let i = 0; i < 2; i++) {
      expect(await peek(b, 5, WINDOW, now)).toEqual({ allowed: true });
      expect(await take(b, 5, WINDOW, now)).toMatchObject({ allowed: true });
    }
    expect(await peek(b, 5, WINDOW, now)).toMatchObject({ allowed: false });
    expect(await take(b, 5, WINDOW, now)).toMatchObject({ allowed: false });
  });

  it("a given-back attempt makes room again", async () => {
    const b = bucket();
    const first = await take(b, 1, WINDOW);
    expect(await take(b, 1, WINDOW)).toMatchObject({ allowed: false });
    if (!first.allowed) throw new Error("refused");
    await giveBack(first);
    expect(await take(b, 1, WINDOW)).toMatchObject({ allowed: true });
  });

  it("of 40 concurrent takes, exactly `limit` succeed", async () => {
    const b = bucket();
    const results = await Promise.all(Array.from({ length: 40 }, () => take(b, 7, WINDOW)));
    expect(results.filter((r) => r.allowed)).toHaveLength(7);
  });
});

describe("hit", () => {
  it("counts every bucket of a request in one statement", async () => {
    const a = bucket();
    const b = bucket();
    const { result, queries } = await recordQueries(() =>
      hitAll([{ bucket: a, limit: 2, windowMs: WINDOW }, { bucket: b, limit: 1, windowMs: WINDOW }], windowStart + 1000),
    );
    expect(result).toEqual([{ allowed: true }, { allowed: true }]);
    expect(queries.filter((q) => !/DELETE/.test(q))).toHaveLength(1);
    expect(await hitAll([{ bucket: a, limit: 2, windowMs: WINDOW }, { bucket: b, limit: 1, windowMs: WINDOW }], windowStart + 2000)).toEqual([
      { allowed: true },
      { allowed: false, retryAfterSeconds: expect.any(Number) },
    ]);
  });

  it("rolls the window over: last window's events weigh by their overlap, older ones not at all", async () => {
    const b = bucket();
    for (let i = 0; i < 4; i++) await hit(b, 100, WINDOW, windowStart - WINDOW + 1000);
    // A quarter into the next window, 4 earlier events weigh 3: room for 2 more of a limit of 5 (the hit itself counts).
    expect(await hit(b, 5, WINDOW, windowStart + WINDOW / 4)).toEqual({ allowed: true });
    expect(await hit(b, 5, WINDOW, windowStart + WINDOW / 4)).toEqual({ allowed: true });
    expect(await hit(b, 5, WINDOW, windowStart + WINDOW / 4)).toMatchObject({ allowed: false });
    // Two windows on, nothing of it is left.
    expect(await hit(b, 1, WINDOW, windowStart + 2 * WINDOW + 1000)).toEqual({ allowed: true });
  });

  it("a request from a clock a window behind counts in the row's window, not a fresh one", async () => {
    const b = bucket();
    await hit(b, 100, WINDOW, windowStart + 1000);
    expect(await hit(b, 2, WINDOW, windowStart - 1000)).toEqual({ allowed: true });
    expect(await hit(b, 2, WINDOW, windowStart + 2000)).toMatchObject({ allowed: false });
  });
});

describe("giveBack after the window rolled over", () => {
  it("returns the attempt to the previous window's count", async () => {
    const b = bucket();
    const late = windowStart + WINDOW - 1000;
    const next = windowStart + WINDOW + 1000;
    const taken = await take(b, 1, WINDOW, late);
    if (!taken.allowed) throw new Error("refused");
    // Another attempt in the next window rolls the row over: the first one is now in `prev`.
    expect(await take(b, 10, WINDOW, next)).toMatchObject({ allowed: true });
    expect(await peek(b, 2, WINDOW, next)).toMatchObject({ allowed: false });
    await giveBack(taken);
    expect(await peek(b, 2, WINDOW, next)).toEqual({ allowed: true });
  });
});

describe("sweepExpiredCounters", () => {
  afterEach(() => vi.useRealTimers());
  const counter = (id: string, expiresAt: number) => db.rateCounter.create({ data: { id, windowIndex: 0, count: 1, prev: 0, expiresAt: new Date(expiresAt) } });
  const exists = async (id: string) => (await db.rateCounter.findUnique({ where: { id } })) !== null;

  it("deletes the counters expired on the real clock, at most once a minute", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const at = Date.now() + 10 * MINUTE; // past any sweep this file made already
    vi.setSystemTime(at);
    const [expired, live, later] = [bucket(), bucket(), bucket()];
    await counter(expired, at - 1000);
    await counter(live, at + HOUR);
    await sweepExpiredCounters();
    expect([await exists(expired), await exists(live)]).toEqual([false, true]);

    await counter(later, at - 1000);
    vi.setSystemTime(at + 30_000);
    await sweepExpiredCounters();
    expect(await exists(later)).toBe(true);
    vi.setSystemTime(at + 61_000);
    await sweepExpiredCounters();
    expect(await exists(later)).toBe(false);
  });

  it("adds no statement to a count between sweeps", async () => {
    await sweepExpiredCounters();
    const { queries } = await recordQueries(async () => {
      for (let i = 0; i < 200; i++) await hit(bucket(), 10, WINDOW);
    });
    expect(queries).toHaveLength(200);
  });
});
