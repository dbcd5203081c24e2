import "server-only";
import { sql } from "@/lib/db";
import { param } from "@/lib/db-sql";

const SWEEP_EVERY_MS = 60_000;

/**
 * Deletes a table's expired rows at most once a minute per process, on the
 * real clock (a caller's `now` may be a test's), as one direct statement.
 * Called after a hot path's own statements: it was a small chance per
 * request, through Prisma, which landed an extra statement in a random
 * request (the hot-path statement budget caught one).
 */
export function expirySweeper(table: "RateCounter" | "AuthFlow"): () => Promise<void> {
  let sweptAt = -Infinity;
  return async () => {
    const now = Date.now();
    if (now - sweptAt < SWEEP_EVERY_MS) return;
    sweptAt = now;
    await sql.execute(`DELETE FROM "${table}" WHERE "expiresAt" < ${param(1)}`, new Date(now));
  };
}
