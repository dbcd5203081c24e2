import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FormAlert } from "@/components/field";
import { InviteForm } from "@/components/orgs/invite-form";
import { InvitationFilters, InvitationsTable, isInvitationStatus } from "@/components/orgs/invitations-table";
import { listInvitations } from "@/lib/orgs/list-invitations";
import { assignableRoles } from "@/lib/orgs/permissions";
import { requireOrgRole } from "@/lib/orgs/require-org-role";
import { doneMessage } from "../../done";
import { inviteMembersAction, resendInvitationAction, revokeInvitationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orgInvitations"))("listTitle") };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string; status?: string }> };

/** Owners and admins invite people and follow each invitation and its email. */
export default async function InvitationsPage({ params, searchParams }: Props) {
  const [{ slug }, search, t] = await Promise.all([params, searchParams, getTranslations("orgInvitations")]);
  const { user, organization, role } = await requireOrgRole(slug, "admin");
  const listed = await listInvitations(user, organization.slug, { limit: 500 });
  if (!listed.ok) throw new Error(`listInvitations refused an admin: ${listed.code}`);
  const status = isInvitationStatus(search.status) ? search.status : undefined;
  const base = `/orgs/${organization.slug}/invitations`;
  return (
    <div className="stack account-page">
      <FormAlert message={await doneMessage(search.done)} />
      <section className="stack account-narrow" aria-labelledby="invite">
        <header>
          <h1 id="invite">{t("title")}</h1>
          <p className="muted">{t("lead")}</p>
        </header>
        <InviteForm action={inviteMembersAction.bind(null, organization.slug)} roles={assignableRoles(role)} />
      </section>
      <section className="stack" aria-labelledby="invitations">
        <h2 id="invitations">{t("listTitle")}</h2>
        <InvitationFilters base={base} items={listed.value} current={status} />
        <InvitationsTable
          items={status ? listed.value.filter((item) => item.status === status) : listed.value}
          resend={resendInvitationAction.bind(null, organization.slug)}
          revoke={revokeInvitationAction.bind(null, organization.slug)}
        />
      </section>
    </div>
  );
}
