import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isPostgres } from "@/lib/env";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(isPostgres)("SQLite transactions and the queries around them", () => {
  it("a write made while another request's transaction is open survives that transaction's rollback", async () => {
    const inside = `inside-${Date.now()}`;
    const outside = `outside-${Date.now()}`;
    await db.rateCounter.create({ data: { id: outside, count: 1, expiresAt: new Date(Date.now() + 60_000) } });
    const failing = db.$transaction(async (tx) => {
      await tx.rateCounter.create({ data: { id: inside, count: 1, expiresAt: new Date(Date.now() + 60_000) } });
      await pause(50);
      throw new Error("rolled back on purpose");
    });
    await pause(10);
    const write = db.rateCounter.updateMany({ where: { id: outside }, data: { count: 5 } });
    await expect(failing).rejects.toThrow("rolled back on purpose");
    await write;
    expect(await db.rateCounter.findUnique({ where: { id: inside } })).toBeNull();
    expect((await db.rateCounter.findUnique({ where: { id: outside } }))?.count).toBe(5);
  });

  it("a read made while a transaction is open does not see its uncommitted writes", async () => {
    const id = `uncommitted-${Date.now()}`;
    let seen: unknown = "not read";
    const tx = db.$transaction(async (t) => {
      await t.rateCounter.create({ data: { id, count: 1, expiresAt: new Date(Date.now() + 60_000) } });
      await pause(50);
      throw new Error("rolled back on purpose");
    });
    await pause(10);
    const read = db.rateCounter.findUnique({ where: { id } }).then((row) => (seen = row));
    await expect(tx).rejects.toThrow();
    await read;
    expect(seen).toBeNull();
  });
});
