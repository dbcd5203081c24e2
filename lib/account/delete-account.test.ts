import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteAccount } from "./delete-account";
import { startEmailChange } from "./email-change";
import { startEmailFactor } from "./mfa";
import { peekVerification } from "./step-up";
import { makeCtx, makeSession, makeUser, proof } from "./test-fixtures";

async function rowsOf(userId: string, addresses: string[]) {
  const [users, sessions, factors, backupCodes, verifications, challenges, audit, codes, flows, outbox, mailbox, guards] = await Promise.all([
    db.user.count({ where: { id: userId } }),
    db.session.count({ where: { userId } }),
    db.mfaFactor.count({ where: { userId } }),
    db.backupCode.count({ where: { userId } }),
    db.verification.count({ where: { userId } }),
    db.mfaChallenge.count({ where: { userId } }),
    db.auditEvent.count({ where: { userId } }),
    db.verificationCode.count({ where: { email: { in: addresses } } }),
    db.authFlow.count({ where: { email: { in: addresses } } }),
    db.emailMessage.count({ where: { recipient: { in: addresses } } }),
    db.devMailboxMessage.count({ where: { to: { in: addresses } } }),
    db.addressGuard.count({ where: { email: { in: addresses } } }),
  ]);
  return { users, sessions, factors, backupCodes, verifications, challenges, audit, codes, flows, outbox, mailbox, guards };
}

describe("deleteAccount", () => {
  it("needs the address typed exactly (any case), checked before the proof is used", async () => {
    const user = await makeUser();
    const id = await proof(user);
    expect(await deleteAccount(user, id, "someone@else.test", makeCtx())).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)] } });
    expect(await deleteAccount(user, id, "", makeCtx())).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)] } });
    expect(await peekVerification(user, id)).toBe(true);
    expect(await deleteAccount(user, undefined, user.email, makeCtx())).toMatchObject({ ok: false, code: "verification_required" });
  });

  it("removes the user and every row that names them, and nobody else's", async () => {
    const user = await makeUser();
    const bystander = await makeUser();
    await makeSession(user.id);
    const ctx = makeCtx();
    // Leave a trail: pending factor enrolment, email change, backup codes, a challenge, a lock counter.
    expect((await startEmailFactor(user, await proof(user), ctx)).ok).toBe(true);
    const newAddress = `moving-${user.id.slice(0, 6)}@example.test`;
    expect((await startEmailChange(user, await proof(user), newAddress, ctx)).ok).toBe(true);
    await db.backupCode.create({ data: { id: `bc-${user.id}`, userId: user.id, codeHash: "x".repeat(64) } });
    await db.mfaChallenge.create({ data: { id: `ch-${user.id}`, userId: user.id, firstFactor: "password", expiresAt: new Date(Date.now() + 60_000) } });
    await db.addressGuard.create({ data: { email: user.email, failedVerifies: 2 } });
    const addresses = [user.email, newAddress];
    const before = await rowsOf(user.id, addresses);
    expect(before).toMatchObject({ users: 1, sessions: 2, factors: 1, backupCodes: 1, challenges: 1, guards: 1 });
    expect(before.codes).toBeGreaterThan(0);
    expect(before.mailbox).toBeGreaterThan(0);
    expect(before.outbox).toBeGreaterThan(0);
    expect(before.audit).toBeGreaterThan(0);
    const bystanderBefore = await rowsOf(bystander.id, [bystander.email]);

    expect(await deleteAccount(user, await proof(user), user.email.toUpperCase(), ctx)).toEqual({ ok: true, value: null });
    expect(await rowsOf(user.id, addresses)).toEqual({
      users: 0, sessions: 0, factors: 0, backupCodes: 0, verifications: 0, challenges: 0, audit: 0,
      codes: 0, flows: 0, outbox: 0, mailbox: 0, guards: 0,
    });
    expect(await db.rateCounter.count({ where: { id: { startsWith: `send-address:${user.email}|` } } })).toBe(0);
    expect(await rowsOf(bystander.id, [bystander.email])).toEqual(bystanderBefore);
  });
});
