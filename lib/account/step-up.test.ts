import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordEvent } from "./audit";
import { consumeVerification, confirmEmailVerification, peekVerification, startEmailVerification, verifyWithPassword } from "./step-up";
import { userText } from "@/lib/errors/codes";
import { inOtherSession, latestCode, makeCtx, makeUser, PASSWORD, proof, wrongCode } from "./test-fixtures";

const events = async (userId: string, type: string) => db.auditEvent.count({ where: { userId, type } });

describe("verifyWithPassword", () => {
  it("gives a 10-minute proof for the right password and records step_up", async () => {
    const user = await makeUser();
    const before = Date.now();
    const result = await verifyWithPassword(user, PASSWORD, makeCtx());
    if (!result.ok) throw new Error("refused");
    expect(result.value.expiresAt.getTime() - before).toBeGreaterThanOrEqual(10 * 60_000 - 1000);
    expect(result.value.expiresAt.getTime() - before).toBeLessThanOrEqual(10 * 60_000 + 1000);
    expect(await peekVerification(user, result.value.verificationId)).toBe(true);
    expect(await events(user.id, "step_up")).toBe(1);
  });

  it("says the password is wrong and records step_up_failed", async () => {
    const user = await makeUser();
    expect(await verifyWithPassword(user, "not the password", makeCtx())).toEqual({
      ok: false, code: "invalid_input", fieldErrors: { password: ["That password is wrong."] },
    });
    expect(await events(user.id, "step_up_failed")).toBe(1);
  });

  it("is rate-limited per account after 10 wrong passwords", async () => {
    const user = await makeUser();
    for (let i = 0; i < 10; i++) await verifyWithPassword(user, `wrong ${i}`, makeCtx());
    const limited = await verifyWithPassword(user, PASSWORD, makeCtx());
    expect(limited).toMatchObject({ ok: false, code: "rate_limited" });
  });

  it("is refused for an account without a password (email code only)", async () => {
    const user = await makeUser({ password: null });
    expect(await verifyWithPassword(user, "anything at all", makeCtx())).toMatchObject({ ok: false, formError: expect.stringMatching(/email code/) });
  });
});

describe("consumeVerification", () => {
  it("is single use: the second operation is refused", async () => {
    const user = await makeUser();
    const id = await proof(user);
    expect(await consumeVerification(user, id, "change_password")).toEqual({ ok: true, value: null });
    expect(await consumeVerification(user, id, "delete_account")).toMatchObject({ ok: false, formError: userText("verification_required"), code: "verification_required" });
    expect(await peekVerification(user, id)).toBe(false);
    const row = await db.verification.findUniqueOrThrow({ where: { id } });
    expect(row.operation).toBe("change_password");
  });

  it("lets exactly one of many concurrent uses win", async () => {
    const user = await makeUser();
    const id = await proof(user);
    const results = await Promise.all(Array.from({ length: 8 }, () => consumeVerification(user, id, "revoke_sessions")));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("is bound to the session: a proof made in session A does not unlock session B", async () => {
    const a = await makeUser();
    const b = await inOtherSession(a);
    const id = await proof(a);
    expect(await peekVerification(b, id)).toBe(false);
    expect(await consumeVerification(b, id, "change_password")).toMatchObject({ ok: false, code: "verification_required" });
    expect(await consumeVerification(a, id, "change_password")).toMatchObject({ ok: true });
  });

  it("is bound to the user", async () => {
    const a = await makeUser();
    const other = await makeUser();
    const id = await proof(a);
    expect(await consumeVerification({ ...other, sessionId: a.sessionId }, id, "delete_account")).toMatchObject({ ok: false });
  });

  it("expires after 10 minutes", async () => {
    const user = await makeUser();
    const id = await proof(user);
    // As if the proof had been made 10 minutes and a second ago.
    await db.verification.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await peekVerification(user, id)).toBe(false);
    expect(await consumeVerification(user, id, "change_password")).toMatchObject({ ok: false, code: "verification_required" });
  });

  it("refuses a missing or unknown id", async () => {
    const user = await makeUser();
    expect(await consumeVerification(user, undefined, "change_email")).toMatchObject({ ok: false, formError: userText("verification_required") });
    expect(await consumeVerification(user, "nope", "change_email")).toMatchObject({ ok: false, formError: userText("verification_required") });
  });
});

describe("email code step-up", () => {
  it("emails a code to the current address; the right code makes a usable proof", async () => {
    const user = await makeUser({ password: null });
    const ctx = makeCtx();
    const started = await startEmailVerification(user, ctx);
    if (!started.ok) throw new Error("not started");
    const { verificationId } = started.value;
    expect(await peekVerification(user, verificationId)).toBe(false);
    const code = await latestCode(user.email);
    expect(await confirmEmailVerification(user, verificationId, wrongCode(code), ctx)).toMatchObject({ ok: false, fieldErrors: { code: [expect.stringMatching(/wrong/)] } });
    const confirmed = await confirmEmailVerification(user, verificationId, code, ctx);
    expect(confirmed).toMatchObject({ ok: true, value: { verificationId } });
    expect(await consumeVerification(user, verificationId, "set_password")).toMatchObject({ ok: true });
  });

  it("a code confirmed in another session is refused", async () => {
    const user = await makeUser();
    const other = await inOtherSession(user);
    const started = await startEmailVerification(user, makeCtx());
    if (!started.ok) throw new Error("not started");
    const code = await latestCode(user.email);
    expect(await confirmEmailVerification(other, started.value.verificationId, code, makeCtx())).toMatchObject({ ok: false, code: "not_found" });
  });

  it("a resend inside the cooldown is a failure, not a second email", async () => {
    const user = await makeUser();
    expect((await startEmailVerification(user, makeCtx())).ok).toBe(true);
    expect(await startEmailVerification(user, makeCtx())).toMatchObject({ ok: false, code: "rate_limited", formError: expect.stringMatching(/^Wait \d+ seconds/) });
  });
});

describe("audit", () => {
  it("records events without secrets", async () => {
    const user = await makeUser();
    await recordEvent("profile_updated", { userId: user.id, ip: "unknown", userAgent: null }, { fields: "name" });
    const row = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, type: "profile_updated" } });
    expect(row.ip).toBeNull();
    expect(JSON.parse(row.detail)).toEqual({ fields: "name" });
  });
});
