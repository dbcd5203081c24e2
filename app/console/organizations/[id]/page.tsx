import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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
import { removeMemberAction, revokeInvitationAction } from "../actions";
import { doneKey } from "../done";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("organization");

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

/** One organization's members and invitations. A console admin may revoke an invitation or remove a member, whatever their own role here. */
export default async function OrganizationPage({ params, searchParams }: Props) {
  const admin = await requireAdmin();
  const [{ id }, { done }] = await Promise.all([params, searchParams]);
  const found = await getOrganizationForConsole(admin, id);
  if (!found.ok) notFound();
  const { organization, members, invitations } = found.value;
  const owners = members.filter((m) => m.role === "owner").length;
  const t = await getTranslations("consoleOrgs");
  const change = doneKey(done);
  return (
    <div className="stack console-page">
      <p className="breadcrumbs">
        <Link href="/console/organizations">{t("title")}</Link> / {organization.name}
      </p>
      <header>
        <h1>{organization.name}</h1>
        <p className="muted">
          {t.rich("facts", { slug: organization.slug, code: (chunks) => <code>{chunks}</code>, created: () => <Timestamp date={organization.createdAt} /> })}
        </p>
      </header>
      <FormAlert message={change && t(`done.${change}`)} />

      <section className="stack" aria-labelledby="members">
        <h2 id="members">{t("members", { count: members.length })}</h2>
        <table className="table">
          <thead>
            <tr><th scope="col">{t("columns.email")}</th><th scope="col">{t("columns.name")}</th><th scope="col">{t("columns.role")}</th><th scope="col">{t("columns.joined")}</th><th scope="col">{t("columns.change")}</th></tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.userId}>
                <td>{member.email}</td>
                <td>{member.name ?? <span className="muted">—</span>}</td>
                <td>{t(`roles.${member.role}`)}</td>
                <td><Timestamp date={member.joinedAt} /></td>
                <td>{removeControl(organization.id, member, owners, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="stack" aria-labelledby="invitations">
        <h2 id="invitations">{t("invitations", { count: invitations.length })}</h2>
        {invitations.length === 0 ? (
          <p className="muted">{t("noInvitations")}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("columns.email")}</th><th scope="col">{t("columns.role")}</th><th scope="col">{t("columns.status")}</th><th scope="col">{t("columns.delivery")}</th>
                <th scope="col">{t("columns.sends")}</th><th scope="col">{t("columns.invitedBy")}</th><th scope="col">{t("columns.expires")}</th><th scope="col">{t("columns.change")}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td>{invitation.email}</td>
                  <td>{t(`roles.${invitation.role}`)}</td>
                  <td>{t(`invitationStatuses.${invitation.status}`)}</td>
                  <td>{invitation.delivery ? <StatusBadge status={invitation.delivery} /> : <span className="muted">—</span>}</td>
                  <td>{invitation.sendCount}</td>
                  <td>{invitation.invitedBy ?? <span className="muted">—</span>}</td>
                  <td><Timestamp date={invitation.expiresAt} /></td>
                  <td>{revokeControl(organization.id, invitation, t)}</td>
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
type Translate = Awaited<ReturnType<typeof getTranslations<"consoleOrgs">>>;

function removeControl(organizationId: string, member: MemberListItem, owners: number, t: Translate) {
  if (member.role === "owner" && owners === 1) return <span className="muted">{t("onlyOwner")}</span>;
  const hidden = { organizationId, userId: member.userId };
  return <ActionButton action={removeMemberAction} label={t("remove")} detail={member.email} hidden={hidden} variant="danger" pendingLabel={t("removing")} />;
}

/** Pending invitations (expired ones too: their row still holds a link until revoked or resent). */
function revokeControl(organizationId: string, invitation: InvitationListItem, t: Translate) {
  if (invitation.status !== "pending" && invitation.status !== "expired") return null;
  const hidden = { organizationId, invitationId: invitation.id };
  return <ActionButton action={revokeInvitationAction} label={t("revoke")} detail={t("revokeDetail", { email: invitation.email })} hidden={hidden} variant="danger" pendingLabel={t("revoking")} />;
}
