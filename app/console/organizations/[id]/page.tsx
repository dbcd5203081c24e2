import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/account/action-button";
import { consoleMetadata } from "@/components/console/console-metadata";
import { StatusBadge } from "@/components/deliveries/status-badge";
import { Timestamp } from "@/components/deliveries/timestamp";
import { FormAlert } from "@/components/field";
import { requireAdmin } from "@/lib/auth/admin";
import { getOrganizationForConsole } from "@/lib/orgs/console-organization";
import type { InvitationListItem } from "@/lib/orgs/list-invitations";
import type { MemberListItem } from "@/lib/orgs/list-members";
import { ROLE_LABELS } from "@/lib/orgs/permissions";
import { removeMemberAction, revokeInvitationAction } from "../actions";
import { doneMessage } from "../done";
import { invitationStatusLabel } from "@/components/orgs/invitations-table";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("Organization");

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

/** One organization's members and invitations. A console admin may revoke an invitation or remove a member, whatever their own role here. */
export default async function OrganizationPage({ params, searchParams }: Props) {
  const admin = await requireAdmin();
  const [{ id }, { done }] = await Promise.all([params, searchParams]);
  const found = await getOrganizationForConsole(admin, id);
  if (!found.ok) notFound();
  const { organization, members, invitations } = found.value;
  const owners = members.filter((m) => m.role === "owner").length;
  return (
    <div className="stack console-page">
      <p className="breadcrumbs">
        <Link href="/console/organizations">Organizations</Link> / {organization.name}
      </p>
      <header>
        <h1>{organization.name}</h1>
        <p className="muted">
          URL name <code>{organization.slug}</code> · created <Timestamp date={organization.createdAt} /> UTC
        </p>
      </header>
      <FormAlert message={doneMessage(done)} />

      <section className="stack" aria-labelledby="members">
        <h2 id="members">Members ({members.length})</h2>
        <table className="table">
          <thead>
            <tr><th scope="col">Email</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Joined (UTC)</th><th scope="col">Change</th></tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.userId}>
                <td>{member.email}</td>
                <td>{member.name ?? <span className="muted">—</span>}</td>
                <td>{ROLE_LABELS[member.role]}</td>
                <td><Timestamp date={member.joinedAt} /></td>
                <td>{removeControl(organization.id, member, owners)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="stack" aria-labelledby="invitations">
        <h2 id="invitations">Invitations ({invitations.length})</h2>
        {invitations.length === 0 ? (
          <p className="muted">No invitations yet.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Email delivery</th>
                <th scope="col">Sends</th><th scope="col">Invited by</th><th scope="col">Expires (UTC)</th><th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td>{invitation.email}</td>
                  <td>{ROLE_LABELS[invitation.role]}</td>
                  <td>{invitationStatusLabel(invitation.status)}</td>
                  <td>{invitation.delivery ? <StatusBadge status={invitation.delivery} /> : <span className="muted">—</span>}</td>
                  <td>{invitation.sendCount}</td>
                  <td>{invitation.invitedBy ?? <span className="muted">—</span>}</td>
                  <td><Timestamp date={invitation.expiresAt} /></td>
                  <td>{revokeControl(organization.id, invitation)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

/** Anyone but the only owner: an organization keeps one (its owners hand over first). */
function removeControl(organizationId: string, member: MemberListItem, owners: number) {
  if (member.role === "owner" && owners === 1) return <span className="muted">Only owner</span>;
  const hidden = { organizationId, userId: member.userId };
  return <ActionButton action={removeMemberAction} label="Remove" detail={member.email} hidden={hidden} variant="danger" pendingLabel="Removing…" />;
}

/** Pending invitations (expired ones too: their row still holds a link until revoked or resent). */
function revokeControl(organizationId: string, invitation: InvitationListItem) {
  if (invitation.status !== "pending" && invitation.status !== "expired") return null;
  const hidden = { organizationId, invitationId: invitation.id };
  return <ActionButton action={revokeInvitationAction} label="Revoke" detail={`the invitation of ${invitation.email}`} hidden={hidden} variant="danger" pendingLabel="Revoking…" />;
}
