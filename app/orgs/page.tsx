import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/account/action-button";
import { formatAbsolute } from "@/components/console/time-ago";
import { FormAlert } from "@/components/field";
import { OrgLogo } from "@/components/orgs/org-logo";
import { requireAccountUser } from "@/lib/auth/require-user";
import { findActiveOrganization } from "@/lib/orgs/find-active-organization";
import { listMyInvitations } from "@/lib/orgs/list-my-invitations";
import { listMyOrganizations } from "@/lib/orgs/list-my-organizations";
import { ROLE_LABELS } from "@/lib/orgs/permissions";
import { acceptInvitationAction, declineInvitationAction } from "./actions";
import { doneMessage } from "./done";

export const metadata: Metadata = { title: "Organizations" };

const members = (n: number) => `${n} ${n === 1 ? "member" : "members"}`;

/** My organizations, and the invitations addressed to my verified address (accepted or declined here by id). */
export default async function OrgsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireAccountUser();
  const [{ done }, orgs, invitations, active] = await Promise.all([
    searchParams, listMyOrganizations(user), listMyInvitations(user), findActiveOrganization(user),
  ]);
  return (
    <div className="stack account-page">
      <header className="row">
        <div>
          <h1>Organizations</h1>
          <p className="muted">The organizations you belong to, and invitations to join others.</p>
        </div>
        <Link className="button button-inline" href="/orgs/new">Create organization</Link>
      </header>
      <FormAlert message={doneMessage(done)} />
      {invitations.length > 0 ? (
        <section className="stack" aria-labelledby="my-invitations">
          <h2 id="my-invitations">Invitations for you</h2>
          <ul className="org-cards">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="org-card">
                <OrgLogo org={invitation.organization} size={40} />
                <div className="stack org-card-body">
                  <p>
                    <strong>{invitation.organization.name}</strong> invites you as <strong>{ROLE_LABELS[invitation.role]}</strong>
                    {invitation.inviter ? <> (from {invitation.inviter})</> : null}.
                  </p>
                  <p className="muted">Expires <time dateTime={invitation.expiresAt.toISOString()}>{formatAbsolute(invitation.expiresAt)}</time>.</p>
                  <div className="button-row">
                    <ActionButton action={acceptInvitationAction} hidden={{ invitationId: invitation.id }} label="Accept" detail={`the invitation to ${invitation.organization.name}`} pendingLabel="Joining…" />
                    <ActionButton action={declineInvitationAction} hidden={{ invitationId: invitation.id }} label="Decline" detail={`the invitation to ${invitation.organization.name}`} pendingLabel="Declining…" variant="secondary" />
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="stack" aria-labelledby="my-orgs">
        <h2 id="my-orgs">Your organizations</h2>
        {orgs.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>
            You don&apos;t belong to an organization yet. <Link href="/orgs/new">Create one</Link>, or ask an admin of one to invite you.
          </p>
        ) : (
          <ul className="org-cards">
            {orgs.map(({ organization, role, memberCount }) => (
              <li key={organization.id} className="org-card">
                <OrgLogo org={organization} size={40} />
                <div className="org-card-body">
                  <p>
                    <Link href={`/orgs/${organization.slug}`}><strong>{organization.name}</strong></Link>{" "}
                    {organization.id === active?.organization.id ? <span className="badge">Active</span> : null}
                  </p>
                  <p className="muted">{ROLE_LABELS[role]} · {members(memberCount)}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
