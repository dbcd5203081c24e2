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

  it("refuses an address in use with a generic message, without using up the proof", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const id = await proof(user);
    const result = await startEmailChange(user, id, other.email.toUpperCase(), makeCtx());
    expect(result).toEqual({ ok: false, code: "conflict", fieldErrors: { email: ["This address can't be used. Choose another."] } });
    expect(await peekVerification(user, id)).toBe(true);
    expect(await subjectsTo(other.email)).toEqual([]);
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
