import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import { accountPasswordBucket, checkPasswordWithin } from "@/lib/auth/password-attempt";
import type { RequestContext } from "@/lib/auth/request-context";
import { cleanCodeInput } from "@/lib/otp/code-hash";
import { verifyFailureMessage } from "@/lib/otp/messages";
import { verifyCode } from "@/lib/otp/verify-code";
import type { SignInExperience } from "@/lib/settings/schema";
import { consumeBackupCode, normalizeBackupCode } from "./backup-codes";
import { acceptTotpCode, totpFailureMessage } from "./factors";

/**
 * One check per way of passing the second step of a sign-in. Used by the
 * MFA challenge (lib/auth/mfa-challenge.ts), which owns the counting and
 * locking; here only "is this the right code for this user?".
 */
export const CHALLENGE_METHODS = ["totp", "email", "backup_code", "password"] as const;
export type ChallengeMethod = (typeof CHALLENGE_METHODS)[number];
export const isChallengeMethod = (value: unknown): value is ChallengeMethod => (CHALLENGE_METHODS as readonly unknown[]).includes(value);

export type SecondFactorUser = {
  id: string;
  email: string;
  passwordHash: string | null;
  factors: { id: string; type: string; secret: string | null; lastStep: number | null; confirmedAt: Date | null }[];
};

type Check = { ok: true } | { ok: false; message: string };

const MALFORMED: Record<ChallengeMethod, string> = {
  totp: totpFailureMessage("malformed"),
  email: "Enter the 6-digit code from the email.",
  backup_code: "Enter one of your backup codes, like k7q2-m9xp.",
  password: "Enter your password.",
};

/** Input that cannot be right is refused before it costs a try. */
export function malformedMessage(method: ChallengeMethod, code: unknown): string | null {
  if (typeof code !== "string") return MALFORMED[method];
  const wellFormed = {
    totp: () => /^\d{6}$/.test(code.normalize("NFKC").replace(/[\s-]/g, "")),
    email: () => cleanCodeInput(code) !== null,
    backup_code: () => normalizeBackupCode(code) !== null,
    password: () => code.length > 0,
  }[method]();
  return wellFormed ? null : MALFORMED[method];
}

export async function checkSecondFactor(
  method: ChallengeMethod, code: string, user: SecondFactorUser, challengeId: string, ctx: RequestContext, sie: SignInExperience,
): Promise<Check> {
  switch (method) {
    case "totp": {
      const factor = user.factors.find((f) => f.type === "totp" && f.confirmedAt);
      if (!factor) return { ok: false, message: "No authenticator app is set up." };
      const check = await acceptTotpCode(factor, code);
      return check.ok ? { ok: true } : { ok: false, message: totpFailureMessage(check.reason) };
    }
    case "email": {
      const verified = await verifyCode({ purpose: "MfaVerification", email: user.email, flowId: challengeId, code, ip: ctx.ip }, sie.otp);
      if (verified.ok) return { ok: true };
      return { ok: false, message: verified.reason === "wrong" ? "That code is wrong." : verifyFailureMessage(verified) };
    }
    case "backup_code":
      return (await consumeBackupCode(user.id, code)) ? { ok: true } : { ok: false, message: "That backup code is wrong or was already used." };
    case "password":
      return checkPassword(user, code, sie);
  }
}

/** The same password, so the same per-account limit as a password sign-in: guesses here count there too. */
async function checkPassword(user: SecondFactorUser, password: string, sie: SignInExperience): Promise<Check> {
  const { passwordHash } = user;
  if (!passwordHash) return { ok: false, message: "That password is wrong." };
  const { verdict } = await checkPasswordWithin(
    [{ bucket: accountPasswordBucket(user.email), limit: sie.password.maxFailuresPer15Minutes }],
    () => verifyPassword(passwordHash, password),
  );
  if (verdict === "right") return { ok: true };
  return { ok: false, message: verdict === "limited" ? "Too many wrong passwords. Wait a few minutes, or use another way." : "That password is wrong." };
}
