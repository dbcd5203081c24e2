import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { latestCode, makeCtx, makeUser, PASSWORD } from "@/lib/account/test-fixtures";
import { defaultSignInExperience } from "@/lib/settings/schema";
import { getChallengeState, verifyChallenge } from "./mfa-challenge";
import { completePasswordReset, startPasswordReset, verifyPasswordReset } from "./password-reset";
import { completeCodeSignIn, signInWithPassword, startCodeSignIn } from "./sign-in";

async function withEmailFactor() {
  const user = await makeUser();
  await db.mfaFactor.create({ data: { id: randomUUID(), userId: user.id, type: "email", confirmedAt: new Date() } });
  return user;
}

const challengeOf = (result: { ok: boolean; value?: unknown }) =>
  result.ok && result.value && typeof result.value === "object" && "challengeId" in result.value ? String(result.value.challengeId) : null;

describe("sign-in with a second factor", () => {
  it("password sign-in without a factor gives a ticket; with one, a challenge", async () => {
    const plain = await makeUser();
    expect(await signInWithPassword({ email: plain.email, password: PASSWORD }, makeCtx())).toMatchObject({ ok: true, value: { session: { sessionId: expect.any(String), userId: expect.any(String) } } });
    const user = await withEmailFactor();
    const result = await signInWithPassword({ email: user.email, password: PASSWORD }, makeCtx());
    const challengeId = challengeOf(result);
    expect(challengeId).toBeTruthy();
    expect((await getChallengeState(challengeId!))?.methods).toEqual(["email"]);
  });

  it("a wrong password for an existing account is recorded as sign_in_failed", async () => {
    const user = await makeUser();
    expect((await signInWithPassword({ email: user.email, password: "wrong password here" }, makeCtx())).ok).toBe(false);
    const event = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, type: "sign_in_failed" } });
    expect(JSON.parse(event.detail)).toEqual({ reason: "wrong_password" });
    // Unknown addresses leave no trace (there is no account to show it to).
    const before = await db.auditEvent.count();
    await signInWithPassword({ email: "nobody-here@example.test", password: "wrong password here" }, makeCtx());
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("email-code sign-in leads to a challenge whose first factor is the email code", async () => {
    const user = await withEmailFactor();
    const ctx = makeCtx();
    const started = await startCodeSignIn({ email: user.email }, ctx);
    if (!started.ok) throw new Error("not started");
    const result = await completeCodeSignIn(started.value.flowId, await latestCode(user.email), ctx);
    const challengeId = challengeOf(result);
    expect(challengeId).toBeTruthy();
    expect((await db.mfaChallenge.findUniqueOrThrow({ where: { id: challengeId! } })).firstFactor).toBe("email_code");
    expect((await getChallengeState(challengeId!))?.methods).toEqual(["password"]);
  });

  it("after a password reset, a user with MFA still passes the challenge", async () => {
    const user = await withEmailFactor();
    const ctx = makeCtx();
    const started = await startPasswordReset({ email: user.email }, ctx);
    if (!started.ok) throw new Error("not started");
    expect((await verifyPasswordReset(started.value.flowId, await latestCode(user.email), ctx)).ok).toBe(true);
    const result = await completePasswordReset(started.value.flowId, "a completely new passphrase", ctx);
    const challengeId = challengeOf(result);
    expect(challengeId).toBeTruthy();
    expect((await db.mfaChallenge.findUniqueOrThrow({ where: { id: challengeId! } })).firstFactor).toBe("email_code");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, type: "password_changed" } });
    expect(JSON.parse(event.detail)).toEqual({ via: "reset" });
  });

  it("the password option of a challenge counts toward the account's password limit", async () => {
    const user = await withEmailFactor();
    const ctx = makeCtx();
    const started = await startCodeSignIn({ email: user.email }, ctx);
    if (!started.ok) throw new Error("not started");
    const challengeId = challengeOf(await completeCodeSignIn(started.value.flowId, await latestCode(user.email), ctx));
    expect(await verifyChallenge(challengeId!, { method: "password", code: "not the password" }, ctx)).toMatchObject({ fieldErrors: { code: [expect.stringMatching(/^That password is wrong/)] } });
    for (let i = 1; i < defaultSignInExperience.password.maxFailuresPer15Minutes; i++) {
      await signInWithPassword({ email: user.email, password: `wrong password ${i}` }, makeCtx());
    }
    // The limit is full: the right password is refused without being checked.
    expect(await verifyChallenge(challengeId!, { method: "password", code: PASSWORD }, ctx)).toMatchObject({ fieldErrors: { code: [expect.stringMatching(/^Too many wrong passwords/)] } });
  });
});
