import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, sql } from "@/lib/db";
import { insertRow, param } from "@/lib/db-sql";
import { isPostgres } from "@/lib/env";

/**
 * The hot paths' statements go straight to the driver (lib/db-direct.ts),
 * on the same connections as Prisma. On this run's database (SQLite or
 * PostgreSQL): what one writes the other reads exactly, dates included and
 * whatever the process's time zone; transactions commit or roll back
 * whole; and on SQLite a direct statement never runs inside another
 * request's open Prisma transaction.
 */
const flowRow = (id: string, createdAt: Date) =>
  insertRow("AuthFlow", { id, kind: "sign-in", email: `${id}@direct.test`, data: "{}", createdAt, expiresAt: new Date(createdAt.getTime() + 60_000) });
const count = async (id: string) => Number((await sql.query<{ n: number | bigint }>(`SELECT COUNT(*) AS "n" FROM "AuthFlow" WHERE "id" = ${param(1)}`, id))[0]!.n);

describe("direct statements", () => {
  // A zone far from UTC, with a half-hour offset: a date read or written as local time shows.
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = "Asia/Kolkata";
  });
  afterAll(() => {
    process.env.TZ = zone;
  });

  it("a date written directly reads back the same through Prisma, and the other way round", async () => {
    expect(new Date(Date.UTC(2026, 0, 1)).getHours()).toBe(5);
    const at = new Date("2026-12-07T12:34:56.789Z");
    const direct = randomUUID();
    const row = flowRow(direct, at);
    await sql.execute(row.text, ...row.args);
    expect((await db.authFlow.findUniqueOrThrow({ where: { id: direct } })).createdAt.toISOString()).toBe(at.toISOString());

    const viaPrisma = randomUUID();
    await db.authFlow.create({ data: { id: viaPrisma, kind: "sign-in", email: "p@direct.test", createdAt: at, expiresAt: at } });
    const [read] = await sql.query<{ createdAt: Date | string }>(`SELECT "createdAt" FROM "AuthFlow" WHERE "id" = ${param(1)}`, viaPrisma);
    expect(new Date(read!.createdAt).toISOString()).toBe(at.toISOString());
    // Compared in SQL too: the stored forms are the same, so a range check written directly agrees with Prisma's.
    const later = await sql.query(`SELECT "id" FROM "AuthFlow" WHERE "id" = ${param(1)} AND "createdAt" > ${param(2)}`, viaPrisma, new Date(at.getTime() - 1));
    const earlier = await sql.query(`SELECT "id" FROM "AuthFlow" WHERE "id" = ${param(1)} AND "createdAt" > ${param(2)}`, viaPrisma, at);
    expect([later.length, earlier.length]).toEqual([1, 0]);
  });

  it("a transaction commits whole, or nothing of it is left when its work throws", async () => {
    const kept = randomUUID();
    await sql.transaction(async (tx) => {
      const row = flowRow(kept, new Date());
      await tx.execute(row.text, ...row.args);
    });
    expect(await count(kept)).toBe(1);

    const dropped = randomUUID();
    const failed = sql.transaction(async (tx) => {
      const row = flowRow(dropped, new Date());
      await tx.execute(row.text, ...row.args);
      throw new Error("the work failed after its first write");
    });
    await expect(failed).rejects.toThrow("the work failed");
    expect(await count(dropped)).toBe(0);
    // The connection is usable afterwards (not left inside the failed transaction).
    const after = randomUUID();
    const row = flowRow(after, new Date());
    await sql.execute(row.text, ...row.args);
    expect(await count(after)).toBe(1);
  });

  it("a constraint error comes back as the driver's error and leaves nothing half-written", async () => {
    const id = randomUUID();
    const first = flowRow(id, new Date());
    await sql.execute(first.text, ...first.args);
    const second = randomUUID();
    const failed = sql.transaction(async (tx) => {
      const row = flowRow(second, new Date());
      await tx.execute(row.text, ...row.args);
      await tx.execute(first.text, ...first.args);
    });
    await expect(failed).rejects.toThrow(/unique|UNIQUE/);
    expect([await count(id), await count(second)]).toEqual([1, 0]);
  });

  it.runIf(!isPostgres)("on SQLite, a direct write waits for another request's open Prisma transaction instead of joining it", async () => {
    const inPrisma = randomUUID();
    const outside = randomUUID();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const prismaTx = db.$transaction(async (tx) => {
      await tx.authFlow.create({ data: { id: inPrisma, kind: "sign-in", email: "tx@direct.test", expiresAt: new Date() } });
      entered();
      await held;
      throw new Error("rolled back on purpose");
    }, { timeout: 10_000 });
    await inside;
    const row = flowRow(outside, new Date());
    const direct = sql.execute(row.text, ...row.args);
    release();
    await expect(prismaTx).rejects.toThrow("rolled back on purpose");
    await direct;
    // Had it joined the open transaction, it would have been rolled back with it.
    expect([await count(inPrisma), await count(outside)]).toEqual([0, 1]);
  });

  it.runIf(!isPostgres)("on SQLite, a statement sent outside the transaction from inside its work throws instead of waiting forever", async () => {
    const id = randomUUID();
    const failed = sql.transaction(async (tx) => {
      const row = flowRow(id, new Date());
      await tx.execute(row.text, ...row.args);
      await db.authFlow.count();
    });
    await expect(failed).rejects.toThrow(/outside the transaction this work holds/);
    expect(await count(id)).toBe(0);
    await expect(sql.transaction(async () => sql.query(`SELECT 1 AS "one"`))).rejects.toThrow(/outside the transaction/);
  });

  it("after Prisma disconnects and connects again, direct statements run on the new connection", async () => {
    const before = randomUUID();
    const row = flowRow(before, new Date());
    await sql.execute(row.text, ...row.args);
    await db.$disconnect();
    const after = randomUUID();
    const again = flowRow(after, new Date());
    await sql.execute(again.text, ...again.args);
    expect([await count(before), await count(after)]).toEqual([1, 1]);
  });
});
