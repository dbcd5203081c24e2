import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { confirmEmailChange, getEmailChange, resendEmailChangeCode, startEmailChange } from "./email-change";
import { peekVerification } from "./step-up";
import { inOtherSession, latestCode, makeCtx, makeUser, proof, subjectsTo, wrongCode } from "./test-fixtures";

const newAddress = () => `new-${Math.random().toString(36).slice(2, 10)}@example.test`;

describe("email change", () => {
  it("sends a code to the new address, moves the account on the right code, tells the old address", async () => {
    const user = await makeUser();
    const to = newAddress();
    const started = await startEmailChange(user, await proof(user), to, makeCtx());
    if (!started.ok) throw new Error(`refused: ${JSON.stringify(started)}`);
    expect(started.value.email).toBe(to);
    expect(await getEmailChange(user, started.value.changeId)).toMatchObject({ email: to });
    const code = await latestCode(to);
    expect(await confirmEmailChange(user, started.value.changeId, wrongCode(code), makeCtx())).toMatchObject({ ok: false, fieldErrors: { code: [expect.any(String)] } });
    expect(await confirmEmailChange(user, started.value.changeId, code, makeCtx())).toEqual({ ok: true, value: { email: to } });

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe(to);
    expect(await subjectsTo(user.email)).toContain("Your Mailgate email address was changed");
    expect(await db.auditEvent.count({ where: { userId: user.id, type: "email_changed" } })).toBe(1);
    // The change is single use.
    expect(await confirmEmailChange(user, started.value.changeId, code, makeCtx())).toMatchObject({ ok: false, code: "not_found" });
  });

  it("answers for an address in use exactly as for a free one; the address gets a notice, never a code", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const ctx = makeCtx();
    const id = await proof(user);
    const taken = await startEmailChange(user, id, other.email.toUpperCase(), ctx);
    const free = await startEmailChange(user, await proof(user), newAddress(), ctx);
    if (!taken.ok || !free.ok) throw new Error(`refused: ${JSON.stringify([taken, free])}`);
    expect(Object.keys(taken.value)).toEqual(Object.keys(free.value));
    expect(taken.value.email).toBe(other.email);
    // The proof is used up as for any change, and the page shows the same countdown.
    expect(await peekVerification(user, id)).toBe(false);
    expect(await getEmailChange(user, taken.value.changeId)).toEqual({ email: other.email, resendInSeconds: (await getEmailChange(user, free.value.changeId))!.resendInSeconds });
    expect(await subjectsTo(other.email)).toEqual(["This address can't be added to another Mailgate account"]);
    // A resend is refused by the same cooldown, in the same words.
    expect(await resendEmailChangeCode(user, taken.value.changeId, ctx)).toEqual(await resendEmailChangeCode(user, free.value.changeId, ctx));
    // No code ever reached anyone, so no code confirms it: the answer is a wrong code's.
    expect(await confirmEmailChange(user, taken.value.changeId, "123456", ctx)).toMatchObject({ ok: false, fieldErrors: { code: [expect.stringMatching(/^That code is wrong/)] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("a resend to an address in use is the notice again", async () => {
    const user = await makeUser();
    const other = await makeUser({ email: `taken-${Math.random().toString(36).slice(2, 8)}@example.test` });
    const started = await startEmailChange(user, await proof(user), other.email, makeCtx());
    if (!started.ok) throw new Error("refused");
    await db.verificationCode.updateMany({ where: { email: other.email }, data: { sentAt: new Date(Date.now() - 120_000) } });
    expect(await resendEmailChangeCode(user, started.value.changeId, makeCtx())).toEqual({ ok: true, value: null });
    expect(await subjectsTo(other.email)).toEqual(["This address can't be added to another Mailgate account", "This address can't be added to another Mailgate account"]);
  });

  it("validates the address before using the proof (a typo does not burn it)", async () => {
    const user = await makeUser();
    const id = await proof(user);
    expect(await startEmailChange(user, id, "not-an-address", makeCtx())).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)] } });
    expect(await startEmailChange(user, id, user.email, makeCtx())).toMatchObject({ ok: false, fieldErrors: { email: [expect.stringMatching(/already your address/)] } });
    expect(await peekVerification(user, id)).toBe(true);
  });

  it("needs a proof, and uses it up", async () => {
    const user = await makeUser();
    expect(await startEmailChange(user, undefined, newAddress(), makeCtx())).toMatchObject({ ok: false, code: "verification_required" });
    const id = await proof(user);
    expect((await startEmailChange(user, id, newAddress(), makeCtx())).ok).toBe(true);
    expect(await startEmailChange(user, id, newAddress(), makeCtx())).toMatchObject({ ok: false, code: "verification_required" });
  });

  it("is bound to the session that started it", async () => {
    const user = await makeUser();
    const other = await inOtherSession(user);
    const to = newAddress();
    const started = await startEmailChange(user, await proof(user), to, makeCtx());
    if (!started.ok) throw new Error("refused");
    expect(await confirmEmailChange(other, started.value.changeId, await latestCode(to), makeCtx())).toMatchObject({ ok: false, code: "not_found" });
    expect(await resendEmailChangeCode(other, started.value.changeId, makeCtx())).toMatchObject({ ok: false, code: "not_found" });
  });

  it("resend respects the cooldown", async () => {
    const user = await makeUser();
    const started = await startEmailChange(user, await proof(user), newAddress(), makeCtx());
    if (!started.ok) throw new Error("refused");
    expect(await resendEmailChangeCode(user, started.value.changeId, makeCtx())).toMatchObject({ ok: false, code: "rate_limited" });
  });
});
