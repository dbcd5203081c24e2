import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/account/audit";
import { emailKey } from "@/lib/auth/email";
import { failWith, failField } from "@/lib/errors/failure";
import { addressSuppressed } from "@/lib/deliverability/suppressions";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import { getSettings } from "@/lib/settings/get-settings";
import type { InvitationLimits } from "@/lib/settings/schema";
import { ok, type Result } from "@/lib/result";
import { checkOrgPermission } from "./check-org-permission";
import type { OrgSummary } from "./find-org-access";
import { dailyLimitMessage, returnInvitationEmail, takeInvitationEmail } from "./invitation-quota";
import { pendingKeyOf } from "./invitation-rules";
import { generateInvitationToken, hashInvitationToken } from "./invitation-token";
import { lockedPermission, lockOrganization, refusalOf, refuse } from "./lock-organization";
import { CANNOT_GRANT } from "./messages";
import { orgAuditCtx } from "./org-audit";
import { parseInviteAddresses } from "./parse-invite-addresses";
import { canAssign, isOrgRole, type OrgRole } from "./permissions";
import { resendPendingInvitation, type ResendOutcome } from "./resend-pending-invitation";
import { sendInvitation, type FirstDelivery } from "./send-invitation";

type NewInvitation = { status: "invited"; invitationId: string; delivery: FirstDelivery } | { status: "already_invited" | "pending_limit" | "daily_limit" };

/** What happened to one address of a submission (`suppressed`: on the suppression list, so not invited: no email could reach it). */
export type InviteOutcome = { email: string } & (NewInvitation | ResendOutcome | { status: "already_member" | "suppressed" });

export const pendingLimitMessage = (limits: InvitationLimits) =>
  `This organization already has ${limits.maxPendingPerOrg} pending invitations, the most it may have. Revoke some, or wait until they are accepted or expire.`;

/**
 * Invites 1–20 addresses with one role (owners and admins; an admin cannot
 * invite an owner). Each address is validated and normalised as sign-up
 * does, and reported on its own: invited, already a member, or — when a
 * pending invitation exists — sent again (inviting again is the resend,
 * with its cooldown and cap). The organization's pending cap and its daily
 * email allowance are checked before anything is sent and held atomically
 * while sending.
 */
export async function inviteMembers(
  actor: CurrentUser, slug: unknown, input: { emails: unknown; role: unknown }, ctx: RequestContext,
): Promise<Result<{ outcomes: InviteOutcome[] }>> {
  const access = await checkOrgPermission(actor.id, slug, "invite");
  if (!access.ok) return access;
  if (!isOrgRole(input.role)) return failField("role", "Choose the role to invite them as.");
  if (!canAssign(access.value.role, input.role)) return failField("role", CANNOT_GRANT, "forbidden");
  const addresses = parseInviteAddresses(input.emails);
  if (!addresses.ok) return addresses;

  const { invitations: limits } = (await getSettings()).signInExperience;
  const org = access.value.organization;
  const pending = await db.invitation.findMany({
    where: { organizationId: org.id, pendingKey: { in: addresses.value.map((email) => pendingKeyOf(org.id, email)) } },
    select: { id: true, email: true, role: true, sendCount: true, lastSentAt: true, emailMessageId: true },
  });
  const members = new Set(
    (await db.membership.findMany({ where: { organizationId: org.id, user: { email: { in: addresses.value } } }, select: { user: { select: { email: true } } } }))
      .map((m) => m.user.email),
  );
  const suppressed = await suppressedAmong(addresses.value);
  const fresh = addresses.value.filter((email) => !members.has(email) && !suppressed.has(email) && !pending.some((p) => p.email === email));
  const room = limits.maxPendingPerOrg - (await db.invitation.count({ where: { organizationId: org.id, status: "pending", expiresAt: { gt: new Date() } } }));
  if (fresh.length > room) return failWith("rate_limited", pendingLimitMessage(limits));

  const inviter = actor.name || actor.email;
  const outcomes: InviteOutcome[] = [];
  for (const email of addresses.value) {
    const existing = pending.find((p) => p.email === email);
    try {
      const outcome = members.has(email)
        ? ({ status: "already_member" } as const)
        : suppressed.has(email)
          ? ({ status: "suppressed" } as const)
          : existing
            ? await resendPendingInvitation(actor, org, existing, input.role, ctx, limits)
            : await inviteOne(actor, org, inviter, email, input.role, ctx, limits);
      outcomes.push({ email, ...outcome });
    } catch (error) {
      // The inviter lost the right to invite (or this role) while the submission ran: stop here.
      const refusal = refusalOf(error);
      if (refusal) return refusal;
      throw error;
    }
  }
  const nothingSent = outcomes.every((o) => o.status !== "invited" && o.status !== "resent");
  if (nothingSent && outcomes.some((o) => o.status === "daily_limit")) return failWith("rate_limited", dailyLimitMessage(limits));
  // One address, and it cannot receive email: the form says so the way a code request to it does.
  if (outcomes.length === 1 && outcomes[0]!.status === "suppressed") return failField("emails", (await addressSuppressed()).formError!, "address_suppressed");
  return ok({ outcomes });
}

/** The submitted addresses that are on the suppression list (one query for all of them). */
async function suppressedAmong(addresses: string[]): Promise<Set<string>> {
  const listed = await db.emailSuppression.findMany({ where: { address: { in: addresses.map(emailKey) } }, select: { address: true } });
  const keys = new Set(listed.map((row) => row.address));
  return new Set(addresses.filter((email) => keys.has(emailKey(email))));
}

/** Thrown inside the invitation's transaction when the pending cap filled up meanwhile. */
class PendingCapReached extends Error {}

async function inviteOne(
  actor: CurrentUser, org: OrgSummary, inviter: string, email: string, role: OrgRole, ctx: RequestContext, limits: InvitationLimits,
): Promise<NewInvitation> {
  const taken = await takeInvitationEmail(org.id, limits);
  if (!taken) return { status: "daily_limit" };
  const now = new Date();
  const token = generateInvitationToken();
  const expiresAt = new Date(now.getTime() + limits.expiryDays * 86_400_000);
  const invitationId = randomUUID();
  try {
    const sent = await sendInvitation({ organization: org, inviter, email, role, token, expiresAt, expiryDays: limits.expiryDays }, ctx, async (tx) => {
      // The lock first: the pending count below cannot change until this commits.
      if (!(await lockOrganization(tx, org.id))) return null;
      const actorRole = await lockedPermission(tx, org.id, actor.id, "invite");
      if (!canAssign(actorRole, role)) refuse(failField("role", CANNOT_GRANT, "forbidden"));
      const pendingNow = await tx.invitation.count({ where: { organizationId: org.id, status: "pending", expiresAt: { gt: now } } });
      if (pendingNow >= limits.maxPendingPerOrg) throw new PendingCapReached();
      await tx.invitation.create({
        data: {
          id: invitationId, organizationId: org.id, email, role, tokenHash: hashInvitationToken(token)!, pendingKey: pendingKeyOf(org.id, email),
          expiresAt, invitedById: actor.id, sendCount: 1, lastSentAt: now,
        },
      });
      await recordEvent("org_member_invited", orgAuditCtx(actor.id, org.id, ctx), { organization: org.name, role, invitationId }, tx);
      return { invitationId, previousMessageId: null };
    });
    if (sent) return { status: "invited", ...sent };
    await returnInvitationEmail(taken);
    return { status: "already_invited" };
  } catch (error) {
    await returnInvitationEmail(taken);
    if (error instanceof PendingCapReached) return { status: "pending_limit" };
    // Another request invited the same address a moment ago (the pending key is unique).
    if ((error as { code?: string }).code === "P2002") return { status: "already_invited" };
    throw error;
  }
}
