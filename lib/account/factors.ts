import "server-only";
import { db } from "@/lib/db";
import { open, seal } from "@/lib/crypto/seal";
import { base32Decode, verifyTotp, type TotpCheck } from "./totp";

/** The second factors a user can have; backup codes come with the first one. */
export const FACTOR_TYPES = ["email", "totp"] as const;
export type FactorType = (typeof FACTOR_TYPES)[number];
export const isFactorType = (value: unknown): value is FactorType => (FACTOR_TYPES as readonly unknown[]).includes(value);

type FactorRow = { id: string; type: string; secret: string | null; lastStep: number | null; confirmedAt: Date | null };

/** In SQL, the number of confirmed second factors of the user `userId` names (a column or a parameter): for reads that fetch it with the account. */
export const confirmedFactorCount = (userId: string) => `(SELECT COUNT(*) FROM "MfaFactor" m WHERE m."userId" = ${userId} AND m."confirmedAt" IS NOT NULL)`;

/** Confirmed factors only: a pending enrolment protects nothing yet. */
export async function confirmedFactors(userId: string): Promise<FactorRow[]> {
  return db.mfaFactor.findMany({ where: { userId, confirmedAt: { not: null } }, orderBy: { createdAt: "asc" } });
}

// The factor id is bound in as associated data: a sealed secret copied to another row does not open.
const secretContext = (factorId: string) => `mfa-totp:${factorId}`;

/** The base32 secret of a TOTP factor (pending or confirmed). */
export function openTotpSecret(factor: { id: string; secret: string | null }): string | null {
  return factor.secret ? open(factor.secret, secretContext(factor.id)) : null;
}

export function sealTotpSecret(factorId: string, base32Secret: string): string {
  return seal(base32Secret, secretContext(factorId));
}

/**
 * Checks an authenticator code for a TOTP factor and records its time step
 * with a conditional write (lastStep must still be below it), so one code is
 * accepted once even when two requests carry it at the same moment.
 */
export async function acceptTotpCode(factor: FactorRow, code: unknown, now = Date.now()): Promise<TotpCheck> {
  const secret = factor.secret ? base32Decode(open(factor.secret, secretContext(factor.id))) : null;
  if (!secret) throw new Error(`TOTP factor ${factor.id} has no usable secret`);
  const check = verifyTotp(secret, code, { now, lastStep: factor.lastStep });
  if (!check.ok) return check;
  const { count } = await db.mfaFactor.updateMany({
    where: { id: factor.id, OR: [{ lastStep: null }, { lastStep: { lt: check.step } }] },
    data: { lastStep: check.step, lastUsedAt: new Date(now) },
  });
  return count === 1 ? check : { ok: false, reason: "replayed" };
}

export function totpFailureMessage(reason: "malformed" | "wrong" | "replayed"): string {
  switch (reason) {
    case "malformed":
      return "Enter the 6-digit code from your authenticator app.";
    case "wrong":
      return "That code is wrong. Check that your phone's clock is right and enter the current code.";
    case "replayed":
      return "That code was already used. Wait for the next one.";
  }
}
