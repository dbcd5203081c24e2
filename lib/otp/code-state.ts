import "server-only";
import { emailKey } from "@/lib/auth/email";
import { sql } from "@/lib/db";
import { param } from "@/lib/db-sql";
import type { Purpose } from "./purposes";

/**
 * What both "request a code" and "verify a code" start from, in one round
 * trip: the address's current code for the purpose (if any), its guard
 * (consecutive wrong codes, lock) and whether it is on the suppression list
 * (a request refuses to send to it). Unrelated tables, hence SQL.
 */
export type CodeRow = {
  id: string; flowId: string; codeHash: string; keyId: string; attempts: number; maxAttempts: number;
  sentAt: Date; expiresAt: Date; consumedAt: Date | null;
};
export type CodeState = { code: CodeRow | null; failedVerifies: number; lockedUntil: Date | null; suppressed: boolean };

type Raw = {
  id: string | null; flowId: string; codeHash: string; keyId: string; attempts: number | bigint; maxAttempts: number | bigint;
  sentAt: Date | string; expiresAt: Date | string; consumedAt: Date | string | null;
  failedVerifies: number | bigint | null; lockedUntil: Date | string | null; suppressed: string | null;
};

// SQLite hands back dates from a join as the stored text when it cannot tell the column's type.
const toDate = (value: Date | string | null): Date | null => (value === null ? null : value instanceof Date ? value : new Date(value));

const TEXT = `SELECT c."id", c."flowId", c."codeHash", c."keyId", c."attempts", c."maxAttempts", c."sentAt", c."expiresAt", c."consumedAt",
    g."failedVerifies", g."lockedUntil", s."reason" AS "suppressed"
  FROM (SELECT 1 AS "one") AS "x"
  LEFT JOIN "VerificationCode" c ON c."purpose" = ${param(1)} AND c."email" = ${param(2)}
  LEFT JOIN "AddressGuard" g ON g."email" = ${param(3)}
  LEFT JOIN "EmailSuppression" s ON s."address" = ${param(4)}`;

export async function readCodeState(purpose: Purpose, email: string): Promise<CodeState> {
  const [raw] = await sql.query<Raw>(TEXT, purpose, email, email, emailKey(email));
  const lockedUntil = toDate(raw?.lockedUntil ?? null);
  const failedVerifies = Number(raw?.failedVerifies ?? 0);
  const suppressed = Boolean(raw?.suppressed);
  if (!raw?.id) return { code: null, failedVerifies, lockedUntil, suppressed };
  return {
    code: {
      id: raw.id, flowId: raw.flowId, codeHash: raw.codeHash, keyId: raw.keyId,
      attempts: Number(raw.attempts), maxAttempts: Number(raw.maxAttempts),
      sentAt: toDate(raw.sentAt)!, expiresAt: toDate(raw.expiresAt)!, consumedAt: toDate(raw.consumedAt),
    },
    failedVerifies,
    lockedUntil,
    suppressed,
  };
}

/** Seconds the address's code sign-in stays locked (0 = not locked). */
export const lockedSeconds = (state: Pick<CodeState, "lockedUntil">, now: Date): number =>
  state.lockedUntil && state.lockedUntil > now ? Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000) : 0;
