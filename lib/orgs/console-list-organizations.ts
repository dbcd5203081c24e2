import "server-only";
import { db } from "@/lib/db";
import { param } from "@/lib/db-sql";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ok, type Result } from "@/lib/result";
import { refuseUnlessConsoleAdmin } from "./console-access";
import { WITHDRAWN } from "./withdraw-invitation-email";

export type ConsoleOrganization = {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
  memberCount: number;
  /** Pending and not yet expired. */
  pendingInvitations: number;
  /** Invitations whose latest email is failed (being retried) or dead in the outbox; a withdrawn email is not a failure. */
  failedInvitationEmails: number;
};

/** @default 200 */
export const CONSOLE_ORGANIZATIONS_PAGE = 200;

/**
 * Every organization for the console, newest first (at most `limit`; `total`
 * says how many exist), with its member count, pending invitations and
 * invitations whose email did not go out.
 */
export async function listOrganizationsForConsole(
  actor: CurrentUser, limit = CONSOLE_ORGANIZATIONS_PAGE,
): Promise<Result<{ organizations: ConsoleOrganization[]; total: number }>> {
  const refused = await refuseUnlessConsoleAdmin(actor);
  if (refused) return refused;
  const now = new Date();
  const [rows, total] = await Promise.all([
    db.organization.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: Math.min(Math.max(Math.trunc(limit) || 1, 1), 1000),
      select: {
        id: true, slug: true, name: true, createdAt: true,
        _count: { select: { memberships: true, invitations: { where: { status: "pending", expiresAt: { gt: now } } } } },
      },
    }),
    db.organization.count(),
  ]);
  const failed = await failedInvitationEmails(rows.map((r) => r.id));
  return ok({
    total,
    organizations: rows.map(({ _count, ...org }) => ({
      ...org, memberCount: _count.memberships, pendingInvitations: _count.invitations, failedInvitationEmails: failed.get(org.id) ?? 0,
    })),
  });
}

/**
 * Per organization, how many invitations have a latest email that failed:
 * one grouped join of Invitation and its outbox row (no relation between
 * them in the schema, as an outbox row outlives nothing it is linked to).
 */
async function failedInvitationEmails(organizationIds: string[]): Promise<Map<string, number>> {
  if (organizationIds.length === 0) return new Map();
  const ids = organizationIds.map((_, i) => param(i + 2)).join(", ");
  const rows = await db.$queryRawUnsafe<{ organizationId: string; failed: number | bigint }[]>(
    `SELECT i."organizationId" AS "organizationId", COUNT(*) AS "failed"
       FROM "Invitation" i JOIN "EmailMessage" m ON m."id" = i."emailMessageId"
      WHERE m."status" IN ('failed', 'dead') AND (m."errorCode" IS NULL OR m."errorCode" <> ${param(1)}) AND i."organizationId" IN (${ids})
      GROUP BY i."organizationId"`,
    WITHDRAWN, ...organizationIds,
  );
  return new Map(rows.map((r) => [r.organizationId, Number(r.failed)]));
}
