import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { verifyPassword } from "@/lib/auth/password";
import { checkPasswordWithin } from "@/lib/auth/password-attempt";
import type { RequestContext } from "@/lib/auth/request-context";
import { getSettings } from "@/lib/settings/get-settings";
import { ok, type Result } from "@/lib/result";
import { failField, failWith } from "@/lib/errors/failure";
import { recordEvent } from "./audit";
import { checkCode, sendCode } from "./codes";

/**
 * Step-up verification: before a high-risk change the signed-in user proves
 * it is them again (password or an email code). The proof is a Verification
 * row bound to the user AND the session that made it, fresh for 10 minutes,
 * and consumed by exactly one operation.
 */
export const STEP_UP_TTL_MS = 10 * 60_000;

export const OPERATIONS = [
  "change_email", "change_password", "set_password", "enable_mfa", "disable_mfa",
  "regenerate_backup_codes", "revoke_sessions", "delete_account", "manage_admins", "transfer_ownership", "delete_organization",
  "unlink_identity",
] as const;
export type Operation = (typeof OPERATIONS)[number];

export type StepUpProof = { verificationId: string; expiresAt: Date };

const EXPIRED = "This confirmation has expired. Send a new code.";
const newId = () => randomBytes(24).toString("base64url");
const auditCtx = (user: CurrentUser, ctx: RequestContext) => ({ userId: user.id, ip: ctx.ip, userAgent: ctx.userAgent });

async function createVerification(user: CurrentUser, method: "password" | "email_code", verified: boolean, id = newId()) {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + STEP_UP_TTL_MS);
  // Old proofs of this user are of no use to anyone; drop them as we go.
  await db.verification.deleteMany({ where: { userId: user.id, expiresAt: { lt: now } } });
  await db.verification.create({
    data: { id, userId: user.id, sessionId: user.sessionId, method, verifiedAt: verified ? now : null, expiresAt },
  });
  return { verificationId: id, expiresAt };
}

/** Rate-limited per account (wrong passwords only, like sign-in); accounts without a password use the email code. */
export async function verifyWithPassword(user: CurrentUser, password: unknown, ctx: RequestContext): Promise<Result<StepUpProof>> {
  if (typeof password !== "string" || password === "") return failField("password", "Enter your password.");
  const { signInExperience: sie } = await getSettings();
  const account = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  const passwordHash = account?.passwordHash;
  if (!passwordHash) return failWith("invalid_request", "Your account has no password. Confirm with an email code instead.");

  const { verdict } = await checkPasswordWithin(
    [{ bucket: `step-up-password:${user.id}`, limit: sie.password.maxFailuresPer15Minutes }],
    () => verifyPassword(passwordHash, password),
  );
  if (verdict === "limited") return failWith("rate_limited", "Too many wrong passwords. Wait a few minutes, or confirm with an email code.");
  if (verdict === "wrong") {
    await recordEvent("step_up_failed", auditCtx(user, ctx), { method: "password" });
    return failField("password", "That password is wrong.");
  }
  const proof = await createVerification(user, "password", true);
  await recordEvent("step_up", auditCtx(user, ctx), { method: "password" });
  return ok(proof);
}

/**
 * Emails a UserPermissionValidation code to the account's current address.
 * Calling it again is the resend: a new verification, the code engine's
 * cooldown and limits decide whether a new email may go out.
 */
export async function startEmailVerification(user: CurrentUser, ctx: RequestContext): Promise<Result<{ verificationId: string }>> {
  const { signInExperience: sie } = await getSettings();
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, locale: true } });
  const id = newId();
  const sent = await sendCode("UserPermissionValidation", account, id, ctx, sie.otp);
  if (!sent.ok) return sent;
  await createVerification(user, "email_code", false, id);
  return ok({ verificationId: id });
}

export async function confirmEmailVerification(
  user: CurrentUser, verificationId: unknown, code: unknown, ctx: RequestContext,
): Promise<Result<StepUpProof>> {
  if (typeof verificationId !== "string" || !verificationId) return failWith("not_found", EXPIRED);
  const { signInExperience: sie } = await getSettings();
  const row = await db.verification.findFirst({
    where: { id: verificationId, userId: user.id, sessionId: user.sessionId, method: "email_code", verifiedAt: null, expiresAt: { gt: new Date() } },
  });
  if (!row) return failWith("not_found", EXPIRED);
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } });
  const checked = await checkCode("UserPermissionValidation", account.email, row.id, code, ctx, sie.otp);
  if (!checked.ok) {
    await recordEvent("step_up_failed", auditCtx(user, ctx), { method: "email_code" });
    return checked;
  }
  const now = new Date();
  const expiresAt = new Date(now.getTime() + STEP_UP_TTL_MS);
  const { count } = await db.verification.updateMany({ where: { id: row.id, verifiedAt: null }, data: { verifiedAt: now, expiresAt } });
  if (count !== 1) return failWith("not_found", EXPIRED);
  await recordEvent("step_up", auditCtx(user, ctx), { method: "email_code" });
  return ok({ verificationId: row.id, expiresAt });
}

const usable = (user: CurrentUser, id: string, now: Date) => ({
  id, userId: user.id, sessionId: user.sessionId, verifiedAt: { not: null }, consumedAt: null, expiresAt: { gt: now },
});

/** True when the id names a fresh, verified, unused proof of this user made in this session. */
export async function peekVerification(user: CurrentUser, verificationId: string | undefined): Promise<boolean> {
  if (!verificationId) return false;
  return (await db.verification.count({ where: usable(user, verificationId, new Date()) })) === 1;
}

/** Uses the proof up for `operation`; of two concurrent uses exactly one succeeds. */
export async function consumeVerification(user: CurrentUser, verificationId: string | undefined, operation: Operation): Promise<Result<null>> {
  if (!verificationId) return failWith("verification_required");
  const now = new Date();
  const { count } = await db.verification.updateMany({ where: usable(user, verificationId, now), data: { consumedAt: now, operation } });
  return count === 1 ? ok(null) : failWith("verification_required");
}

/**
 * Gives a consumed proof back when the operation it was consumed for could
 * not happen after all (its email could not be sent), so a delivery problem
 * does not make the user confirm again. Only while it is still fresh.
 */
export async function releaseVerification(user: CurrentUser, verificationId: string, operation: Operation): Promise<void> {
  await db.verification.updateMany({
    where: { id: verificationId, userId: user.id, sessionId: user.sessionId, operation, expiresAt: { gt: new Date() } },
    data: { consumedAt: null, operation: null },
  });
}

/** For callers that check before doing slow work: the same failure consumeVerification gives. */
export async function requireFreshVerification(user: CurrentUser, verificationId: string | undefined): Promise<Result<null>> {
  return (await peekVerification(user, verificationId)) ? ok(null) : failWith("verification_required");
}
