import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { replaceBackupCodes } from "@/lib/account/backup-codes";
import { sealTotpSecret } from "@/lib/account/factors";
import { latestCode, makeCtx, makeUser, PASSWORD, subjectsTo, wrongCode } from "@/lib/account/test-fixtures";
import { base32Encode, generateTotpSecret, totpAt } from "@/lib/account/totp";
import { continueSignIn, getChallengeState, sendChallengeEmailCode, verifyChallenge, type FirstFactor } from "./mfa-challenge";
import { revokeSession, validateSession } from "./session";

async function withFactors(factors: { totp?: boolean; email?: boolean; backupCodes?: boolean }, password: string | null = PASSWORD) {
  const user = await makeUser({ password });
  const secret = generateTotpSecret();
  if (factors.totp) {
    const id = randomUUID();
    await db.mfaFactor.create({ data: { id, userId: user.id, type: "totp", secret: sealTotpSecret(id, base32Encode(secret)), confirmedAt: new Date() } });
  }
  if (factors.email) await db.mfaFactor.create({ data: { id: randomUUID(), userId: user.id, type: "email", confirmedAt: new Date() } });
  const backupCodes = factors.backupCodes ? await replaceBackupCodes(user.id) : [];
  const code = (offsetSeconds = 0) => totpAt(secret, Math.floor(Date.now() / 1000) + offsetSeconds);
  return { user, code, backupCodes };
}

async function challenge(userId: string, firstFactor: FirstFactor = "password") {
  const result = await continueSignIn(userId, firstFactor, makeCtx());
  if (!result.ok || !("challengeId" in result.value)) throw new Error("expected a challenge");
  return result.value.challengeId;
}

const sessionOf = (result: Awaited<ReturnType<typeof verifyChallenge>>) => (result.ok ? result.value.session : null);

describe("continueSignIn", () => {
  it("gives a user without a second factor an active session, and records the sign-in", async () => {
    const user = await makeUser();
    const result = await continueSignIn(user.id, "password", makeCtx());
    if (!result.ok || !("session" in result.value)) throw new Error(`expected a session: ${JSON.stringify(result)}`);
    expect(result.value.session.userId).toBe(user.id);
    expect(await validateSession(result.value.session.sessionId)).toMatchObject({ id: user.id });
    const event = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, type: "sign_in" } });
    expect(JSON.parse(event.detail)).toEqual({ method: "password" });
  });

  it("gives a 10-minute challenge, and no session, to a user with a factor", async () => {
    const { user } = await withFactors({ totp: true });
    const sessionsBefore = await db.session.count({ where: { userId: user.id } });
    const id = await challenge(user.id);
    const row = await db.mfaChallenge.findUniqueOrThrow({ where: { id } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(10 * 60_000);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);
  });
});

describe("getChallengeState", () => {
  it("offers the user's factors, with the address masked", async () => {
    const { user } = await withFactors({ totp: true, email: true, backupCodes: true });
    const state = await getChallengeState(await challenge(user.id, "password"));
    expect(state).toEqual({ email: `u•••@example.test`, methods: ["totp", "email", "backup_code"], attemptsLeft: 5, lockedForSeconds: null });
  });

  it("after an email code, offers the password instead of another email code", async () => {
    const { user } = await withFactors({ email: true, backupCodes: true });
    expect((await getChallengeState(await challenge(user.id, "email_code")))?.methods).toEqual(["backup_code", "password"]);
    const noPassword = await withFactors({ email: true }, null);
    expect((await getChallengeState(await challenge(noPassword.user.id, "email_code")))?.methods).toEqual([]);
    const withApp = await withFactors({ email: true, totp: true });
    expect((await getChallengeState(await challenge(withApp.user.id, "email_code")))?.methods).toEqual(["totp"]);
  });

  it("is null for an unknown or expired challenge", async () => {
    const { user } = await withFactors({ totp: true });
    const id = await challenge(user.id);
    expect(await getChallengeState("nope")).toBeNull();
    expect(await getChallengeState(undefined)).toBeNull();
    await db.mfaChallenge.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await getChallengeState(id)).toBeNull();
  });
});

describe("verifyChallenge", () => {
  it("passes with an authenticator code: a session, the challenge used up, the sign-in recorded", async () => {
    const { user, code } = await withFactors({ totp: true });
    const id = await challenge(user.id);
    const result = await verifyChallenge(id, { method: "totp", code: code() }, makeCtx());
    const session = sessionOf(result);
    expect(session).toEqual({ sessionId: expect.any(String), userId: user.id });
    expect(await db.session.count({ where: { id: session!.sessionId } })).toBe(1);
    expect(await verifyChallenge(id, { method: "totp", code: code(30) }, makeCtx())).toMatchObject({ ok: false, code: "not_found" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, type: "sign_in" } });
    expect(JSON.parse(event.detail)).toEqual({ method: "password", mfa: "totp" });
  });

  it("refuses an authenticator code that was already used (replay)", async () => {
    const { user, code } = await withFactors({ totp: true });
    const now = code();
    expect(sessionOf(await verifyChallenge(await challenge(user.id), { method: "totp", code: now }, makeCtx()))).toBeTruthy();
    const again = await verifyChallenge(await challenge(user.id), { method: "totp", code: now }, makeCtx());
    expect(again).toMatchObject({ ok: false, fieldErrors: { code: [expect.stringMatching(/already used/)] } });
  });

  it("passes with an email code bound to the challenge", async () => {
    const { user } = await withFactors({ email: true });
    const id = await challenge(user.id);
    expect(await sendChallengeEmailCode(id, makeCtx())).toEqual({ ok: true, value: null });
    const code = await latestCode(user.email);
    expect((await subjectsTo(user.email))[0]).toMatch(/two-step verification code/);
    // A code for another challenge does not work here.
    const other = await challenge(user.id);
    expect((await verifyChallenge(other, { method: "email", code }, makeCtx())).ok).toBe(false);
    expect(sessionOf(await verifyChallenge(id, { method: "email", code }, makeCtx()))).toBeTruthy();
  });

  it("does not send email codes after an email-code sign-in", async () => {
    const { user } = await withFactors({ email: true });
    expect(await sendChallengeEmailCode(await challenge(user.id, "email_code"), makeCtx())).toMatchObject({ ok: false });
  });

  it("passes with the password after an email code, when email is the only factor", async () => {
    const { user } = await withFactors({ email: true });
    const id = await challenge(user.id, "email_code");
    expect(await verifyChallenge(id, { method: "email", code: "123456" }, makeCtx())).toMatchObject({ ok: false, fieldErrors: { method: [expect.any(String)] } });
    expect(sessionOf(await verifyChallenge(id, { method: "password", code: PASSWORD }, makeCtx()))).toBeTruthy();
  });

  it("accepts each backup code once", async () => {
    const { user, backupCodes } = await withFactors({ totp: true, backupCodes: true });
    expect(sessionOf(await verifyChallenge(await challenge(user.id), { method: "backup_code", code: backupCodes[0] }, makeCtx()))).toBeTruthy();
    expect((await verifyChallenge(await challenge(user.id), { method: "backup_code", code: backupCodes[0] }, makeCtx())).ok).toBe(false);
  });

  it("does not count input that cannot be a code", async () => {
    const { user } = await withFactors({ totp: true });
    const id = await challenge(user.id);
    expect(await verifyChallenge(id, { method: "totp", code: "12ab" }, makeCtx())).toMatchObject({ ok: false, fieldErrors: { code: [expect.any(String)] } });
    expect((await getChallengeState(id))?.attemptsLeft).toBe(5);
  });

  it("ends the challenge after 5 wrong answers", async () => {
    const { user, code } = await withFactors({ totp: true });
    const id = await challenge(user.id);
    for (let left = 4; left >= 1; left--) {
      expect(await verifyChallenge(id, { method: "totp", code: wrongCode(code()) }, makeCtx())).toEqual({
        ok: false, code: "invalid_input", fieldErrors: { code: [expect.stringMatching(new RegExp(`${left} tr(y|ies) left`))] },
      });
    }
    expect(await verifyChallenge(id, { method: "totp", code: wrongCode(code()) }, makeCtx())).toMatchObject({ ok: false, code: "not_found" });
    expect(await getChallengeState(id)).toBeNull();
    expect(await verifyChallenge(id, { method: "totp", code: code() }, makeCtx())).toMatchObject({ ok: false, code: "not_found" });
  });

  it("checks no more than 5 answers even when they arrive at once", async () => {
    const { user, code } = await withFactors({ totp: true });
    const id = await challenge(user.id);
    await Promise.all(Array.from({ length: 12 }, () => verifyChallenge(id, { method: "totp", code: wrongCode(code()) }, makeCtx())));
    expect((await db.mfaChallenge.findUniqueOrThrow({ where: { id } })).attempts).toBe(5);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaFailures).toBe(5);
  });

  it("locks the second step for 15 minutes after 10 wrong in a row, tells the owner once", async () => {
    const { user, code } = await withFactors({ totp: true });
    const ctx = makeCtx();
    let last;
    for (let i = 0; i < 10; i++) {
      const id = i % 5 === 0 ? await challenge(user.id) : (await db.mfaChallenge.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: "desc" } })).id;
      last = await verifyChallenge(id, { method: "totp", code: wrongCode(code()) }, ctx);
    }
    expect(last).toMatchObject({ ok: false, code: "locked", formError: "Two-step verification is locked for 15 minutes. Try again later." });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.mfaLockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(row.mfaFailures).toBe(0);

    const fresh = await challenge(user.id);
    expect((await getChallengeState(fresh))?.lockedForSeconds).toBeGreaterThan(14 * 60);
    expect(await verifyChallenge(fresh, { method: "totp", code: code() }, ctx)).toMatchObject({
      ok: false, code: "locked", formError: expect.stringMatching(/^Two-step verification is locked for 15 minutes/),
    });
    expect((await subjectsTo(user.email)).filter((s) => /Two-step sign-in .* is paused/.test(s))).toHaveLength(1);
    const failed = await db.auditEvent.findMany({ where: { userId: user.id, type: "mfa_failed" } });
    expect(failed).toHaveLength(10);
    expect(failed.filter((e) => JSON.parse(e.detail).locked)).toHaveLength(1);

    // After the lock, the second step works again.
    await db.user.update({ where: { id: user.id }, data: { mfaLockedUntil: new Date(Date.now() - 1) } });
    expect(sessionOf(await verifyChallenge(fresh, { method: "totp", code: code() }, ctx))).toBeTruthy();
  });

  it("a success resets the run of failures", async () => {
    const { user, code } = await withFactors({ totp: true });
    const id = await challenge(user.id);
    await verifyChallenge(id, { method: "totp", code: wrongCode(code()) }, makeCtx());
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaFailures).toBe(1);
    expect(sessionOf(await verifyChallenge(id, { method: "totp", code: code() }, makeCtx()))).toBeTruthy();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaFailures).toBe(0);
  });

  it("creates a session that is valid at once, and can be revoked", async () => {
    const { user, code } = await withFactors({ totp: true });
    const { sessionId } = sessionOf(await verifyChallenge(await challenge(user.id), { method: "totp", code: code() }, makeCtx()))!;
    expect(await validateSession(sessionId)).toMatchObject({ id: user.id });
    await revokeSession(sessionId);
    expect(await validateSession(sessionId)).toBeNull();
  });
});
