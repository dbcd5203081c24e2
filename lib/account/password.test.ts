import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getDevMessage, listDevMessages } from "@/lib/connectors/dev/mailbox";
import { verifyPassword } from "@/lib/auth/password";
import { validateSession } from "@/lib/auth/session";
import { changePassword } from "./password";
import { confirmEmailVerification, peekVerification, startEmailVerification } from "./step-up";
import { inOtherSession, latestCode, makeCtx, makeUser, proof, subjectsTo } from "./test-fixtures";

const NEW_PASSWORD = "a brand new passphrase 42";

describe("changePassword", () => {
  it("sets the new password, ends every other session but keeps this one, tells the owner", async () => {
    const user = await makeUser();
    const other = await inOtherSession(user);
    const third = await inOtherSession(user);
    const ctx = makeCtx();
    expect(await changePassword(user, await proof(user), NEW_PASSWORD, ctx)).toEqual({ ok: true, value: null });

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(await validateSession(user.sessionId)).not.toBeNull();
    expect(await validateSession(other.sessionId)).toBeNull();
    expect(await validateSession(third.sessionId)).toBeNull();
    expect(await subjectsTo(user.email)).toContain("Your Mailgate password was changed");
    const [latest] = await listDevMessages({ to: user.email, limit: 1 });
    const notice = await getDevMessage(latest!.id);
    // Who changed it, from where: the request's browser and address, and the minute (UTC).
    expect(notice!.text).toContain(`From: Chrome on macOS, IP address ${ctx.ip}.`);
    expect(notice!.text).toMatch(/When: \d{4}-\d\d-\d\d \d\d:\d\d UTC\./);
    const event = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, type: "password_changed" } });
    expect(JSON.parse(event.detail)).toEqual({ sessionsEnded: 2 });
  });

  it("checks the policy before using the proof (a weak password does not burn it)", async () => {
    const user = await makeUser();
    const id = await proof(user);
    expect(await changePassword(user, id, "short", makeCtx())).toMatchObject({ ok: false, fieldErrors: { password: [expect.stringMatching(/at least 12/)] } });
    expect(await changePassword(user, id, "1qaz2wsx3edc", makeCtx())).toMatchObject({ ok: false, fieldErrors: { password: [expect.stringMatching(/common/)] } });
    expect(await peekVerification(user, id)).toBe(true);
  });

  it("needs a proof from this session", async () => {
    const user = await makeUser();
    const other = await inOtherSession(user);
    expect(await changePassword(other, await proof(user), NEW_PASSWORD, makeCtx())).toMatchObject({ ok: false, code: "verification_required" });
  });

  it("sets a first password for an account without one (email code step-up)", async () => {
    const user = await makeUser({ password: null });
    const ctx = makeCtx();
    const started = await startEmailVerification(user, ctx);
    if (!started.ok) throw new Error("refused");
    const confirmed = await confirmEmailVerification(user, started.value.verificationId, await latestCode(user.email), ctx);
    if (!confirmed.ok) throw new Error("not confirmed");
    expect((await changePassword(user, confirmed.value.verificationId, NEW_PASSWORD, ctx)).ok).toBe(true);
    const verification = await db.verification.findUniqueOrThrow({ where: { id: confirmed.value.verificationId } });
    expect(verification.operation).toBe("set_password");
    expect(await db.auditEvent.count({ where: { userId: user.id, type: "password_set" } })).toBe(1);
  });
});
