import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { expirySweeper } from "./db-sweep";

describe("expirySweeper", () => {
  afterEach(() => vi.useRealTimers());

  it("deletes a table's expired rows on its first call, then at most once a minute", async () => {
    const sweep = expirySweeper("AuthFlow");
    vi.useFakeTimers({ toFake: ["Date"] });
    const at = Date.now();
    const flow = (expiresAt: number) => db.authFlow.create({ data: { id: randomUUID(), kind: "sign-in", email: "sweep@example.test", data: "{}", expiresAt: new Date(expiresAt) } });
    const exists = async (id: string) => (await db.authFlow.findUnique({ where: { id } })) !== null;
    const [expired, live] = [await flow(at - 1000), await flow(at + 60_000)];
    await sweep();
    expect([await exists(expired.id), await exists(live.id)]).toEqual([false, true]);
    const later = await flow(at - 1000);
    vi.setSystemTime(at + 59_000);
    await sweep();
    expect(await exists(later.id)).toBe(true);
    vi.setSystemTime(at + 61_000);
    await sweep();
    expect([await exists(later.id), await exists(live.id)]).toEqual([false, false]);
  });
});
