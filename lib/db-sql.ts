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

type Row = Record<string, string | number | bigint | boolean | Date | null>;

/** `INSERT INTO "T" ("a", "b") VALUES (?, ?)` and its arguments, for a row given as column → value. */
export function insertRow(table: string, row: Row): { text: string; args: Row[string][] } {
  const columns = Object.keys(row);
  const text = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((_, i) => param(i + 1)).join(", ")})`;
  return { text, args: Object.values(row) };
}

/** `"a" = ?, "b" = ?` and its arguments, numbered from `first` (the WHERE's placeholders follow). */
export function assignments(row: Row, first = 1): { text: string; args: Row[string][]; next: number } {
  const columns = Object.keys(row);
  return { text: columns.map((c, i) => `"${c}" = ${param(first + i)}`).join(", "), args: Object.values(row), next: first + columns.length };
}
