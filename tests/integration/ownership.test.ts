import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteAccount } from "@/lib/account/delete-account";
import { latestCode, makeCtx, makeSession, PASSWORD, proof } from "@/lib/account/test-fixtures";
import { getOwnerId, isAdmin } from "@/lib/auth/roles";
import { completeSignUp, startSignUp } from "@/lib/auth/sign-up";
import { startSecondInstance, type Instance } from "./second-instance";

/**
 * Who owns a fresh install, with the first sign-ups completed at the same
 * moment by two app instances sharing this run's database.
 */
let instance: Instance;
beforeAll(async () => {
  instance = await startSecondInstance();
}, 60_000);
afterAll(() => instance?.stop());

async function pendingSignUp(label: string) {
  const email = `${label}-${Math.random().toString(36).slice(2, 10)}@example.test`;
  const ctx = makeCtx();
  const started = await startSignUp({ email, password: PASSWORD, name: "" }, ctx);
  if (!started.ok) throw new Error(`not started: ${JSON.stringify(started)}`);
  return { email, ctx, flowId: started.value.flowId, code: await latestCode(email) };
}

async function signedUp(email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true } });
  return { ...user, name: null, sessionId: await makeSession(user.id) };
}

describe("ownership of a fresh install", () => {
  it("of 12 first sign-ups completed at once by two instances, exactly one becomes the owner", async () => {
    await db.ownership.deleteMany();
    const pending = await Promise.all(Array.from({ length: 12 }, (_, i) => pendingSignUp(`first-${i}`)));
    const results = await Promise.all(
      pending.map((p, i) => (i % 2 ? completeSignUp(p.flowId, p.code, p.ctx) : instance.call("completeSignUp", p.flowId, p.code, p.ctx))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = (await db.user.findMany({ where: { email: { in: pending.map((p) => p.email) } }, select: { id: true } })).map((u) => u.id);
    expect(ids).toHaveLength(12);
    expect(await db.ownership.count()).toBe(1);
    expect(ids).toContain(await getOwnerId());
    expect(await db.auditEvent.count({ where: { type: "ownership_claimed", userId: { in: ids } } })).toBe(1);
  });

  it("the owner's deletion is refused, so the next account never inherits the console", async () => {
    await db.ownership.deleteMany();
    const first = await pendingSignUp("owner");
    expect((await completeSignUp(first.flowId, first.code, first.ctx)).ok).toBe(true);
    const second = await pendingSignUp("stranger");
    expect((await completeSignUp(second.flowId, second.code, second.ctx)).ok).toBe(true);
    const owner = await signedUp(first.email);
    const stranger = await signedUp(second.email);
    expect(await getOwnerId()).toBe(owner.id);
    expect(await isAdmin(stranger)).toBe(false);

    expect(await deleteAccount(owner, await proof(owner), owner.email, makeCtx())).toMatchObject({ ok: false, code: "conflict" });
    // The database refuses it too, whatever the caller.
    await expect(db.user.delete({ where: { id: owner.id } })).rejects.toThrow();
    expect(await isAdmin(stranger)).toBe(false);
  });
});
