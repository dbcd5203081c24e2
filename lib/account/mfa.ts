import "server-only";
import { randomUUID } from "node:crypto";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import { HOUR, hit } from "@/lib/otp/rate-limit";
import { getSettings } from "@/lib/settings/get-settings";
import { ok, type Result } from "@/lib/result";
import { failField, failWith } from "@/lib/errors/failure";
import { recordEvent } from "./audit";
import { countBackupCodes, deleteBackupCodes, replaceBackupCodes } from "./backup-codes";
import { checkCode, sendCode } from "./codes";
import { acceptTotpCode, confirmedFactors, isFactorType, openTotpSecret, sealTotpSecret, totpFailureMessage, type FactorType } from "./factors";
import { notify } from "./notify";
import { consumeVerification, releaseVerification } from "./step-up";
import { base32Encode, generateTotpSecret, otpauthUri } from "./totp";

/**
 * Second factors: email codes and authenticator apps (TOTP), plus backup
 * codes that come with the first factor. Adding or removing one needs a
 * step-up proof; the owner is told by email either way.
 */
export type MfaState = { email: boolean; totp: boolean; backupCodesRemaining: number; hasAnyFactor: boolean; required: boolean };

/** An enrolment (pending factor) must be confirmed within this long. */
const ENROLMENT_TTL_MS = 30 * 60_000;
const SETUP_EXPIRED = "This setup has expired. Start again.";
const ALREADY_ON: Record<FactorType, string> = {
  email: "Email codes are already on.",
  totp: "An authenticator app is already set up. Remove it first to set up another.",
};

const auditCtx = (user: CurrentUser, ctx: RequestContext) => ({ userId: user.id, ip: ctx.ip, userAgent: ctx.userAgent });

export async function getMfaState(userId: string): Promise<MfaState> {
  const [factors, backupCodesRemaining, { signInExperience: sie }] = await Promise.all([
    confirmedFactors(userId), countBackupCodes(userId), getSettings(),
  ]);
  const has = (type: FactorType) => factors.some((f) => f.type === type);
  return { email: has("email"), totp: has("totp"), backupCodesRemaining, hasAnyFactor: factors.length > 0, required: sie.mfa.required };
}

/** The settings require a second factor and this user has none yet. */
export async function needsMfaSetup(userId: string): Promise<boolean> {
  const state = await getMfaState(userId);
  return state.required && !state.hasAnyFactor;
}

async function pendingFactor(user: CurrentUser, enrolmentId: unknown, type: FactorType) {
  if (typeof enrolmentId !== "string") return null;
  return db.mfaFactor.findFirst({
    where: { id: enrolmentId, userId: user.id, type, confirmedAt: null, createdAt: { gt: new Date(Date.now() - ENROLMENT_TTL_MS) } },
  });
}

/** A fresh pending factor of `type`, replacing an abandoned one (one row per type). */
async function newPendingFactor(userId: string, type: FactorType, secret?: (id: string) => string) {
  const id = randomUUID();
  await db.$transaction([
    db.mfaFactor.deleteMany({ where: { userId, type, confirmedAt: null } }),
    db.mfaFactor.create({ data: { id, userId, type, secret: secret?.(id) ?? null } }),
  ]);
  return id;
}

/** Turns a pending factor on; the user's first factor also gets backup codes. */
async function activate(user: CurrentUser, factorId: string, type: FactorType, ctx: RequestContext): Promise<Result<{ backupCodes: string[] | null }>> {
  const { count } = await db.mfaFactor.updateMany({ where: { id: factorId, confirmedAt: null }, data: { confirmedAt: new Date() } });
  if (count !== 1) return failWith("not_found", SETUP_EXPIRED);
  const others = (await confirmedFactors(user.id)).filter((f) => f.id !== factorId);
  const backupCodes = others.length === 0 ? await replaceBackupCodes(user.id) : null;
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, locale: true } });
  await notify(account, "MfaFactorAdded", ctx, { factor: type });
  await recordEvent("mfa_enabled", auditCtx(user, ctx), { factor: type });
  return ok({ backupCodes });
}

async function refuseIfOn(userId: string, type: FactorType) {
  const factors = await confirmedFactors(userId);
  return factors.some((f) => f.type === type) ? failWith("conflict", ALREADY_ON[type]) : null;
}

export async function startEmailFactor(user: CurrentUser, verificationId: string | undefined, ctx: RequestContext): Promise<Result<{ enrolmentId: string }>> {
  const refused = await refuseIfOn(user.id, "email");
  if (refused) return refused;
  const consumed = await consumeVerification(user, verificationId, "enable_mfa");
  if (!consumed.ok) return consumed;
  const { signInExperience: sie } = await getSettings();
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, locale: true } });
  const enrolmentId = await newPendingFactor(user.id, "email");
  const sent = await sendCode("BindMfa", account, enrolmentId, ctx, sie.otp);
  if (!sent.ok) {
    await db.mfaFactor.deleteMany({ where: { id: enrolmentId, confirmedAt: null } });
    if (verificationId) await releaseVerification(user, verificationId, "enable_mfa");
    return sent;
  }
  return ok({ enrolmentId });
}

/** A new code for a pending email factor (the code engine's cooldown applies). */
export async function resendEmailFactorCode(user: CurrentUser, enrolmentId: unknown, ctx: RequestContext): Promise<Result<null>> {
  const factor = await pendingFactor(user, enrolmentId, "email");
  if (!factor) return failWith("not_found", SETUP_EXPIRED);
  const { signInExperience: sie } = await getSettings();
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, locale: true } });
  return sendCode("BindMfa", account, factor.id, ctx, sie.otp);
}

export async function confirmEmailFactor(
  user: CurrentUser, enrolmentId: unknown, code: unknown, ctx: RequestContext,
): Promise<Result<{ backupCodes: string[] | null }>> {
  const factor = await pendingFactor(user, enrolmentId, "email");
  if (!factor) return failWith("not_found", SETUP_EXPIRED);
  const { signInExperience: sie } = await getSettings();
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } });
  const checked = await checkCode("BindMfa", account.email, factor.id, code, ctx, sie.otp);
  if (!checked.ok) return checked;
  return activate(user, factor.id, "email", ctx);
}

export type TotpEnrolment = { enrolmentId: string; secret: string; otpauthUri: string; qrSvg: string };

export async function startTotpEnrolment(user: CurrentUser, verificationId: string | undefined, ctx: RequestContext): Promise<Result<TotpEnrolment>> {
  void ctx; // Same signature as the other operations; nothing is sent or recorded until the app's code confirms it.
  const refused = await refuseIfOn(user.id, "totp");
  if (refused) return refused;
  const consumed = await consumeVerification(user, verificationId, "enable_mfa");
  if (!consumed.ok) return consumed;
  const { branding } = await getSettings();
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } });
  const secret = base32Encode(generateTotpSecret());
  const enrolmentId = await newPendingFactor(user.id, "totp", (id) => sealTotpSecret(id, secret));
  const uri = otpauthUri({ issuer: branding.productName, account: account.email, secret });
  return ok({ enrolmentId, secret, otpauthUri: uri, qrSvg: await qrSvg(uri) });
}

/**
 * A pending authenticator setup of this user, shown again (after a
 * redirect or a mistyped first code) from its sealed row, so the secret
 * never has to travel in a cookie. Null once confirmed, expired or foreign.
 */
export async function getTotpEnrolment(user: CurrentUser, enrolmentId: unknown): Promise<TotpEnrolment | null> {
  const factor = await pendingFactor(user, enrolmentId, "totp");
  const secret = factor ? openTotpSecret(factor) : null;
  if (!factor || !secret) return null;
  const { branding } = await getSettings();
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } });
  const uri = otpauthUri({ issuer: branding.productName, account: account.email, secret });
  return { enrolmentId: factor.id, secret, otpauthUri: uri, qrSvg: await qrSvg(uri) };
}

const qrSvg = (uri: string) => QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });

export async function confirmTotp(user: CurrentUser, enrolmentId: unknown, code: unknown, ctx: RequestContext): Promise<Result<{ backupCodes: string[] | null }>> {
  const factor = await pendingFactor(user, enrolmentId, "totp");
  if (!factor) return failWith("not_found", SETUP_EXPIRED);
  if (!(await hit(`totp-enrol:${user.id}`, 30, HOUR)).allowed) return failWith("rate_limited", "Too many tries. Try again in an hour.");
  const check = await acceptTotpCode(factor, code);
  if (!check.ok) return failField("code", totpFailureMessage(check.reason));
  return activate(user, factor.id, "totp", ctx);
}

/**
 * Removes a factor. The last one cannot go while the settings require a
 * second factor; when it goes, the backup codes go with it (they would
 * otherwise be a second factor nobody set up).
 */
export async function disableFactor(user: CurrentUser, verificationId: string | undefined, factor: unknown, ctx: RequestContext): Promise<Result<null>> {
  if (!isFactorType(factor)) return failWith("not_found", "This method isn't set up.");
  const factors = await confirmedFactors(user.id);
  if (!factors.some((f) => f.type === factor)) return failWith("not_found", "This method isn't set up.");
  const last = factors.length === 1;
  const { signInExperience: sie } = await getSettings();
  if (last && sie.mfa.required) {
    return failWith("conflict", "Two-step verification is required, so your last method can't be removed. Add another one first.");
  }
  const consumed = await consumeVerification(user, verificationId, "disable_mfa");
  if (!consumed.ok) return consumed;
  await db.mfaFactor.deleteMany({ where: { userId: user.id, type: factor } });
  if (last) await deleteBackupCodes(user.id);
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, locale: true } });
  await notify(account, "MfaFactorRemoved", ctx, { factor });
  await recordEvent("mfa_disabled", auditCtx(user, ctx), { factor });
  return ok(null);
}

/** 10 new codes, shown once; the old ones stop working at the same moment. */
export async function regenerateBackupCodes(user: CurrentUser, verificationId: string | undefined, ctx: RequestContext): Promise<Result<{ codes: string[] }>> {
  if ((await confirmedFactors(user.id)).length === 0) return failWith("invalid_request", "Turn on two-step verification first.");
  const consumed = await consumeVerification(user, verificationId, "regenerate_backup_codes");
  if (!consumed.ok) return consumed;
  const codes = await replaceBackupCodes(user.id);
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, locale: true } });
  await notify(account, "BackupCodesRegenerated", ctx);
  await recordEvent("backup_codes_regenerated", auditCtx(user, ctx));
  return ok({ codes });
}
