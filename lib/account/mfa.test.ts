import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { updateSettings } from "@/lib/settings/get-settings";
import { consumeBackupCode } from "./backup-codes";
import { confirmEmailFactor, confirmTotp, disableFactor, getMfaState, getTotpEnrolment, needsMfaSetup, regenerateBackupCodes, startEmailFactor, startTotpEnrolment } from "./mfa";
import { peekVerification } from "./step-up";
import { latestCode, makeCtx, makeUser, proof, subjectsTo, wrongCode } from "./test-fixtures";
import { base32Decode, totpAt } from "./totp";

const nowCode = (secret: string, offsetSeconds = 0) => totpAt(base32Decode(secret)!, Math.floor(Date.now() / 1000) + offsetSeconds);

async function withTotp(user: CurrentUser) {
  const started = await startTotpEnrolment(user, await proof(user), makeCtx());
  if (!started.ok) throw new Error(`enrolment refused: ${JSON.stringify(started)}`);
  const confirmed = await confirmTotp(user, started.value.enrolmentId, nowCode(started.value.secret), makeCtx());
  if (!confirmed.ok) throw new Error(`confirm refused: ${JSON.stringify(confirmed)}`);
  return { ...started.value, backupCodes: confirmed.value.backupCodes };
}

afterEach(async () => {
  await updateSettings({ signInExperience: { mfa: { required: false } } });
});

describe("authenticator app (TOTP)", () => {
  it("enrols with a step-up proof, stores the secret sealed, and gives backup codes with the first factor", async () => {
    const user = await makeUser();
    const started = await startTotpEnrolment(user, await proof(user), makeCtx());
    if (!started.ok) throw new Error("refused");
    const { enrolmentId, secret, otpauthUri, qrSvg } = started.value;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toBe(`otpauth://totp/Mailgate:${user.email}?secret=${secret}&issuer=Mailgate&algorithm=SHA1&digits=6&period=30`);
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const row = await db.mfaFactor.findUniqueOrThrow({ where: { id: enrolmentId } });
    expect(row.secret).toMatch(/^v1\./);
    expect(row.secret).not.toContain(secret);
    expect(row.confirmedAt).toBeNull();

    expect(await confirmTotp(user, enrolmentId, wrongCode(nowCode(secret)), makeCtx())).toMatchObject({ ok: false, fieldErrors: { code: [expect.any(String)] } });
    // The pending setup can be shown again from its sealed row, to its owner only.
    expect(await getTotpEnrolment(user, enrolmentId)).toMatchObject({ enrolmentId, secret, otpauthUri });
    expect(await getTotpEnrolment(await makeUser(), enrolmentId)).toBeNull();
    const confirmed = await confirmTotp(user, enrolmentId, nowCode(secret), makeCtx());
    if (!confirmed.ok) throw new Error("confirm refused");
    expect(confirmed.value.backupCodes).toHaveLength(10);
    expect(await getMfaState(user.id)).toEqual({ email: false, totp: true, backupCodesRemaining: 10, hasAnyFactor: true, required: false });
    expect(await getTotpEnrolment(user, enrolmentId)).toBeNull();
    expect(await subjectsTo(user.email)).toContain("A two-step verification method was added to your Mailgate account");
    expect(await db.auditEvent.count({ where: { userId: user.id, type: "mfa_enabled" } })).toBe(1);
  });

  it("needs a step-up proof", async () => {
    const user = await makeUser();
    expect(await startTotpEnrolment(user, undefined, makeCtx())).toMatchObject({ ok: false, code: "verification_required" });
  });

  it("refuses a second app without using up the proof", async () => {
    const user = await makeUser();
    await withTotp(user);
    const id = await proof(user);
    expect(await startTotpEnrolment(user, id, makeCtx())).toMatchObject({ ok: false, code: "conflict" });
    expect(await peekVerification(user, id)).toBe(true);
  });

  it("accepts codes from the step before and after (clock drift)", async () => {
    const user = await makeUser();
    const started = await startTotpEnrolment(user, await proof(user), makeCtx());
    if (!started.ok) throw new Error("refused");
    expect((await confirmTotp(user, started.value.enrolmentId, nowCode(started.value.secret, 30), makeCtx())).ok).toBe(true);
  });
});

describe("email codes as a second factor", () => {
  it("enrols with a BindMfa code; no backup codes when another factor exists", async () => {
    const user = await makeUser();
    await withTotp(user);
    const started = await startEmailFactor(user, await proof(user), makeCtx());
    if (!started.ok) throw new Error("refused");
    const code = await latestCode(user.email);
    expect((await subjectsTo(user.email))[0]).toMatch(/code to turn on Mailgate two-step verification/);
    expect(await confirmEmailFactor(user, started.value.enrolmentId, code, makeCtx())).toEqual({ ok: true, value: { backupCodes: null } });
    expect(await getMfaState(user.id)).toMatchObject({ email: true, totp: true, backupCodesRemaining: 10 });
  });

  it("as the first factor it comes with backup codes", async () => {
    const user = await makeUser();
    const started = await startEmailFactor(user, await proof(user), makeCtx());
    if (!started.ok) throw new Error("refused");
    const confirmed = await confirmEmailFactor(user, started.value.enrolmentId, await latestCode(user.email), makeCtx());
    expect(confirmed.ok && confirmed.value.backupCodes).toHaveLength(10);
  });

  it("an enrolment of another user is not found", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const started = await startEmailFactor(user, await proof(user), makeCtx());
    if (!started.ok) throw new Error("refused");
    expect(await confirmEmailFactor(other, started.value.enrolmentId, await latestCode(user.email), makeCtx())).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("disableFactor", () => {
  it("removing the last factor also removes the backup codes and tells the owner", async () => {
    const user = await makeUser();
    const { backupCodes } = await withTotp(user);
    expect(await disableFactor(user, await proof(user), "totp", makeCtx())).toEqual({ ok: true, value: null });
    expect(await getMfaState(user.id)).toMatchObject({ totp: false, hasAnyFactor: false, backupCodesRemaining: 0 });
    expect(await consumeBackupCode(user.id, backupCodes![0])).toBe(false);
    expect(await subjectsTo(user.email)).toContain("A two-step verification method was removed from your Mailgate account");
  });

  it("refuses the last factor when MFA is required, before using the proof", async () => {
    const user = await makeUser();
    await withTotp(user);
    await updateSettings({ signInExperience: { mfa: { required: true } } });
    const id = await proof(user);
    expect(await disableFactor(user, id, "totp", makeCtx())).toMatchObject({ ok: false, code: "conflict" });
    expect(await peekVerification(user, id)).toBe(true);
  });

  it("says when the factor is not set up", async () => {
    const user = await makeUser();
    expect(await disableFactor(user, await proof(user), "email", makeCtx())).toMatchObject({ ok: false, code: "not_found" });
    expect(await disableFactor(user, await proof(user), "sms", makeCtx())).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("regenerateBackupCodes", () => {
  it("needs a factor, then replaces the codes and tells the owner", async () => {
    const user = await makeUser();
    expect(await regenerateBackupCodes(user, await proof(user), makeCtx())).toMatchObject({ ok: false });
    const { backupCodes } = await withTotp(user);
    const result = await regenerateBackupCodes(user, await proof(user), makeCtx());
    if (!result.ok) throw new Error("refused");
    expect(result.value.codes).toHaveLength(10);
    expect(result.value.codes[0]).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(await consumeBackupCode(user.id, backupCodes![0])).toBe(false);
    expect(await consumeBackupCode(user.id, result.value.codes[0])).toBe(true);
    expect(await subjectsTo(user.email)).toContain("New backup codes were generated for your Mailgate account");
  });
});

describe("needsMfaSetup", () => {
  it("is true only when the settings require MFA and the user has no factor", async () => {
    const user = await makeUser();
    expect(await needsMfaSetup(user.id)).toBe(false);
    await updateSettings({ signInExperience: { mfa: { required: true } } });
    expect(await needsMfaSetup(user.id)).toBe(true);
    await withTotp(user);
    expect(await needsMfaSetup(user.id)).toBe(false);
  });
});
