import "server-only";
import { isPostgres } from "@/lib/env";

/**
 * For the few hot statements written as SQL (one statement where Prisma
 * would send several, or wrap one in BEGIN/COMMIT): the placeholder of the
 * n-th parameter in this database's dialect. Everything else about those
 * statements is the same in SQLite and PostgreSQL (quoted identifiers,
 * INSERT … ON CONFLICT … RETURNING, UPDATE … RETURNING).
 */
// SQLite binds `?` in the order they appear: number them in that order too.
export const param = (n: number): string => (isPostgres ? `$${n}` : "?");

/**
 * A conditional single-row write with Prisma's `update` (where: unique key
 * plus conditions) is one statement, where `updateMany` sends three
 * (BEGIN, UPDATE, COMMIT); a row that does not match comes back as null.
 */
export async function updatedOrNull<T>(update: PromiseLike<T>): Promise<T | null> {
  try {
    return await update;
  } catch (error) {
    if ((error as { code?: string }).code === "P2025") return null;
    throw error;
  }
}
