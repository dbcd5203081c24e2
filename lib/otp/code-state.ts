import "server-only";
import { db } from "@/lib/db";
import { param } from "@/lib/db-sql";
import type { Purpose } from "./purposes";

/**
 * What both "request a code" and "verify a code" start from, in one round
 * trip: the address's current code for the purpose (if any) and its guard
 * (consecutive wrong codes, lock). Two unrelated tables, hence SQL.
 */
export type CodeRow = {
  id: string; flowId: string; codeHash: string; keyId: string; attempts: number; maxAttempts: number;
  sentAt: Date; expiresAt: Date; consumedAt: Date | null;
};
export type CodeState = { code: CodeRow | null; failedVerifies: number; lockedUntil: Date | null };

type Raw = {
  id: string | null; flowId: string; codeHash: string; keyId: string; attempts: number | bigint; maxAttempts: number | bigint;
  sentAt: Date | string; expiresAt: Date | string; consumedAt: Date | string | null;
  failedVerifies: number | bigint | null; lockedUntil: Date | string | null;
};

// SQLite hands back dates from a join as the stored text when it cannot tell the column's type.
const toDate = (value: Date | string | null): Date | null => (value === null ? null : value instanceof Date ? value : new Date(value));

const SQL = `SELECT c."id", c."flowId", c."codeHash", c."keyId", c."attempts", c."maxAttempts", c."sentAt", c."expiresAt", c."consumedAt",
    g."failedVerifies", g."lockedUntil"
  FROM (SELECT 1 AS "one") AS "x"
  LEFT JOIN "VerificationCode" c ON c."purpose" = ${param(1)} AND c."email" = ${param(2)}
  LEFT JOIN "AddressGuard" g ON g."email" = ${param(3)}`;

export async function readCodeState(purpose: Purpose, email: string): Promise<CodeState> {
  const [raw] = await db.$queryRawUnsafe<Raw[]>(SQL, purpose, email, email);
  const lockedUntil = toDate(raw?.lockedUntil ?? null);
  const failedVerifies = Number(raw?.failedVerifies ?? 0);
  if (!raw?.id) return { code: null, failedVerifies, lockedUntil };
  return {
    code: {
      id: raw.id, flowId: raw.flowId, codeHash: raw.codeHash, keyId: raw.keyId,
      attempts: Number(raw.attempts), maxAttempts: Number(raw.maxAttempts),
      sentAt: toDate(raw.sentAt)!, expiresAt: toDate(raw.expiresAt)!, consumedAt: toDate(raw.consumedAt),
    },
    failedVerifies,
    lockedUntil,
  };
}

/** Seconds the address's code sign-in stays locked (0 = not locked). */
export const lockedSeconds = (state: Pick<CodeState, "lockedUntil">, now: Date): number =>
  state.lockedUntil && state.lockedUntil > now ? Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000) : 0;
