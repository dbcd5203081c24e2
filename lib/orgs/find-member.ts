import "server-only";
import { db } from "@/lib/db";
import { codedFail, type CodedFailure } from "@/lib/account/errors";
import { MEMBER_NOT_FOUND } from "./messages";

/** The user id of a member of `organizationId`, from untrusted input (a form's or URL's member id); a failure when it names nobody there. */
export async function findMemberId(organizationId: string, userId: unknown): Promise<{ ok: true; userId: string } | CodedFailure> {
  if (typeof userId !== "string" || !userId || userId.length > 64) return codedFail("not_found", MEMBER_NOT_FOUND);
  const row = await db.membership.findUnique({ where: { organizationId_userId: { organizationId, userId } }, select: { userId: true } });
  return row ? { ok: true, userId: row.userId } : codedFail("not_found", MEMBER_NOT_FOUND);
}
