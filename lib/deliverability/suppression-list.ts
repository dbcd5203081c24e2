import "server-only";
import { emailKey } from "@/lib/auth/email";
import { db } from "@/lib/db";
import { failWith } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";

/**
 * The suppression list as the console shows it (/console/suppressions):
 * newest first, at most SUPPRESSIONS_SHOWN rows, narrowed by part of an
 * address. An install with more entries than that finds one by searching.
 */
export const SUPPRESSIONS_SHOWN = 100;

export type SuppressionRow = {
  address: string; reason: string; provider: string; eventId: string; detail: string; messageId: string | null; createdAt: Date;
};

/** The search as typed, made comparable with the stored keys (lowercased), or "" for none. */
export const suppressionSearch = (raw: unknown): string => (typeof raw === "string" ? emailKey(raw).slice(0, 320) : "");

export async function listSuppressions(search: string): Promise<{ rows: SuppressionRow[]; total: number }> {
  // Stored addresses are emailKey'd, so a lowercased search matches the same rows on SQLite (LIKE) and PostgreSQL.
  const where = search ? { address: { contains: search } } : {};
  const [rows, total] = await Promise.all([
    db.emailSuppression.findMany({ where, orderBy: [{ createdAt: "desc" }, { address: "asc" }], take: SUPPRESSIONS_SHOWN }),
    db.emailSuppression.count({ where }),
  ]);
  return { rows, total };
}

export const NOT_SUPPRESSED = "This address is not on the suppression list (any more).";

/**
 * An operator takes the address off the list: email goes to it again, and
 * a code can be requested for it. Only when the address works again: the
 * next bounce or complaint puts it back.
 */
export async function removeSuppression(address: string): Promise<Result<null>> {
  const { count } = await db.emailSuppression.deleteMany({ where: { address: emailKey(address) } });
  return count === 1 ? ok(null) : failWith("not_found", NOT_SUPPRESSED);
}
