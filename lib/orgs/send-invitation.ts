import "server-only";
import { db, sqlFor, type Tx } from "@/lib/db";
import { ipOf, type RequestContext } from "@/lib/auth/request-context";
import { pickLocale } from "@/lib/mail/locale";
import { enqueue, type Enqueued } from "@/lib/mail/outbox";
import { composeEmail, deliverInline, type ComposedEmail } from "@/lib/mail/send-email";
import type { OrgSummary } from "./find-org-access";
import { invitationUrl } from "./invitation-links";
import type { OrgRole } from "./permissions";
import { withdrawInvitationEmail } from "./withdraw-invitation-email";

export type InvitationEmail = {
  organization: OrgSummary;
  /** Shown as "<inviter> invited you": the inviter's name, else their address. */
  inviter: string;
  email: string;
  role: OrgRole;
  token: string;
  expiresAt: Date;
  expiryDays: number;
};

/** What the first attempt did: sent; still on its way (the outbox retries); or failed for good. */
export type FirstDelivery = "sent" | "queued" | "failed";

/** The invitation's own write, first in the transaction; null when it may not happen after all (a lost race, a limit). */
export type InvitationWrite = (tx: Tx) => Promise<{ invitationId: string; previousMessageId: string | null } | null>;

/**
 * Writes an invitation (or its resend) and its email in ONE transaction:
 * the caller's conditional write, the outbox row, and the invitation's link
 * to that row (so its delivery status can be shown); the previous email of
 * the invitation, if still waiting, is withdrawn (its link no longer works).
 * The first attempt is made after the commit, as every email is. Null when
 * the write refused: nothing was written.
 */
export async function sendInvitation(mail: InvitationEmail, ctx: RequestContext, write: InvitationWrite): Promise<{ invitationId: string; delivery: FirstDelivery } | null> {
  const invitee = await db.user.findUnique({ where: { email: mail.email }, select: { locale: true } });
  const composed: ComposedEmail = await composeEmail({
    kind: "OrganizationInvitationNotice",
    to: mail.email,
    locale: pickLocale(invitee?.locale ?? null, ctx.acceptLanguage),
    vars: {
      organization: mail.organization.name, inviter: mail.inviter, role: mail.role, expiresInDays: mail.expiryDays,
      link: invitationUrl(mail.token),
    },
    ip: ipOf(ctx),
    // Not worth delivering once its link has expired.
    expiresAt: mail.expiresAt,
  });
  const written = await db.$transaction(async (tx) => {
    const invitation = await write(tx);
    if (!invitation) return null;
    const queued: Enqueued = await enqueue(composed.message, { connector: composed.connectorId }, sqlFor(tx));
    await tx.invitation.update({ where: { id: invitation.invitationId }, data: { emailMessageId: queued.id } });
    if (invitation.previousMessageId) await withdrawInvitationEmail(tx, invitation.previousMessageId);
    return { invitationId: invitation.invitationId, queued };
  }, { maxWait: 15_000, timeout: 15_000 });
  if (!written) return null;
  const sent = await deliverInline(written.queued, composed);
  return { invitationId: written.invitationId, delivery: sent.ok ? "sent" : sent.retrying ? "queued" : "failed" };
}
