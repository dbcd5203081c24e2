import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { giveBack, hit, MINUTE, peek, take } from "./rate-limit";

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
    expect((await db.rateCounter.findUniqueOrThrow({ where: { id: `${b}|${windowStart / WINDOW}` } })).count).toBe(3);
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
