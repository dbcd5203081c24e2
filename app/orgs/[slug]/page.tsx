import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/account/action-button";
import { FormAlert } from "@/components/field";
import { MembersTable } from "@/components/orgs/members-table";
import { OrgActivity } from "@/components/orgs/org-activity";
import { TransferOwnership } from "@/components/orgs/transfer-ownership";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { listMembers } from "@/lib/orgs/list-members";
import { listOrganizationActivity } from "@/lib/orgs/list-organization-activity";
import { can } from "@/lib/orgs/permissions";
import { requireOrgRole } from "@/lib/orgs/require-org-role";
import { doneMessage } from "../done";
import { changeRoleAction, leaveOrganizationAction, removeMemberAction, transferOwnershipAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orgMembers"))("title") };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string; transfer?: string }> };

const ACTIVITY_LIMIT = 50;

export default async function OrgMembersPage({ params, searchParams }: Props) {
  const [{ slug }, search, t, locale] = await Promise.all([params, searchParams, getTranslations("orgMembers"), resolveLocale()]);
  const { user, organization, role } = await requireOrgRole(slug);
  const [listed, activity] = await Promise.all([
    listMembers(user, organization.slug),
    can(role, "view_audit") ? listOrganizationActivity(user, organization.slug, ACTIVITY_LIMIT, locale) : null,
  ]);
  if (!listed.ok) throw new Error(`listMembers refused a member: ${listed.code}`);
  const { members } = listed.value;
  const base = `/orgs/${organization.slug}`;
  const candidates = members.filter((m) => !m.isYou && m.role !== "owner");
  return (
    <div className="stack account-page">
      <FormAlert message={await doneMessage(search.done)} />
      <section className="stack" aria-labelledby="members">
        <h1 id="members">{t("title")}</h1>
        <MembersTable members={members} viewerRole={role} changeRole={changeRoleAction.bind(null, organization.slug)} remove={removeMemberAction.bind(null, organization.slug)} />
      </section>
      {can(role, "transfer_ownership") ? (
        <section className="stack" aria-labelledby="transfer">
          <h2 id="transfer">{t("transferTitle")}</h2>
          <TransferOwnership
            base={base}
            orgName={organization.name}
            candidates={candidates}
            chosen={candidates.find((m) => m.userId === search.transfer)}
            action={transferOwnershipAction.bind(null, organization.slug)}
          />
        </section>
      ) : null}
      {activity?.ok ? (
        <section className="stack" aria-labelledby="activity">
          <h2 id="activity">{t("activityTitle")}</h2>
          <OrgActivity events={activity.value} />
        </section>
      ) : null}
      <section className="stack" aria-labelledby="leave">
        <header>
          <h2 id="leave">{t("leaveTitle")}</h2>
          <p className="muted">{t("leaveLead", { org: organization.name })}</p>
        </header>
        <ActionButton action={leaveOrganizationAction.bind(null, organization.slug)} label={t("leave")} pendingLabel={t("leaving")} variant="danger" />
      </section>
    </div>
  );
}
