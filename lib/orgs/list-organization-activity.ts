import "server-only";
import { db } from "@/lib/db";
import { toActivityEvent, type ActivityEvent } from "@/lib/account/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Locale } from "@/lib/mail/locale";
import { ok, type Result } from "@/lib/result";
import { checkOrgPermission } from "./check-org-permission";

type Person = { id: string; name: string | null; email: string };
export type OrgActivityEvent = ActivityEvent & {
  /** Who did it; null once their account is deleted (their events go with it). */
  actor: Person | null;
  /** The member it was about (role changes, removals, hand-overs), while they have an account. */
  target: Person | null;
  /** The invited address, for invitation events. */
  invitedEmail: string | null;
};

/**
 * The organization's activity for its owners and admins, newest first: every
 * event recorded with its id, with who did it, whom it concerned and, for
 * invitations, the address (read from the invitation, not kept in the event);
 * the sentences in `locale` (English for the JSON API).
 */
export async function listOrganizationActivity(actor: CurrentUser, slug: unknown, limit = 100, locale: Locale = "en"): Promise<Result<OrgActivityEvent[]>> {
  const access = await checkOrgPermission(actor.id, slug, "view_audit");
  if (!access.ok) return access;
  const organizationId = access.value.organization.id;
  const rows = await db.auditEvent.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(Math.trunc(limit) || 1, 1), 500),
  });
  const events = rows.map((row) => ({ ...toActivityEvent(row, locale), userId: row.userId }));
  const userIds = [...new Set(events.flatMap((e) => [e.userId, typeof e.detail.target === "string" ? e.detail.target : null]).filter((id): id is string => !!id))];
  const invitationIds = [...new Set(events.flatMap((e) => (typeof e.detail.invitationId === "string" ? [e.detail.invitationId] : [])))];
  const people = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u]));
  const invited = new Map(
    (await db.invitation.findMany({ where: { id: { in: invitationIds }, organizationId }, select: { id: true, email: true } })).map((i) => [i.id, i.email]),
  );
  return ok(
    events.map(({ userId, ...event }) => ({
      ...event,
      actor: (userId && people.get(userId)) || null,
      target: (typeof event.detail.target === "string" && people.get(event.detail.target)) || null,
      invitedEmail: (typeof event.detail.invitationId === "string" && invited.get(event.detail.invitationId)) || null,
    })),
  );
}
