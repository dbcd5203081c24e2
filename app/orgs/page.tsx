import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/account/action-button";
import { dateTime } from "@/components/account/local-time";
import { FormAlert } from "@/components/field";
import { OrgLogo } from "@/components/orgs/org-logo";
import { requireAccountUser } from "@/lib/auth/require-user";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { findActiveOrganization } from "@/lib/orgs/find-active-organization";
import { listMyInvitations } from "@/lib/orgs/list-my-invitations";
import { listMyOrganizations } from "@/lib/orgs/list-my-organizations";
import { acceptInvitationAction, declineInvitationAction } from "./actions";
import { doneMessage } from "./done";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orgs"))("title") };
}

/** My organizations, and the invitations addressed to my verified address (accepted or declined here by id). */
export default async function OrgsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireAccountUser();
  const [{ done }, orgs, invitations, active, t, roles, locale] = await Promise.all([
    searchParams, listMyOrganizations(user), listMyInvitations(user), findActiveOrganization(user), getTranslations("orgs"), getTranslations("orgRoles"), resolveLocale(),
  ]);
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <div className="stack account-page">
      <header className="row">
        <div>
          <h1>{t("title")}</h1>
          <p className="muted">{t("lead")}</p>
        </div>
        <Link className="button button-inline" href="/orgs/new">{t("create")}</Link>
      </header>
      <FormAlert message={await doneMessage(done)} />
      {invitations.length > 0 ? (
        <section className="stack" aria-labelledby="my-invitations">
          <h2 id="my-invitations">{t("invitationsTitle")}</h2>
          <ul className="org-cards">
            {invitations.map((invitation) => {
              const org = invitation.organization.name;
              const detail = t("theInvitationTo", { org });
              return (
                <li key={invitation.id} className="org-card">
                  <OrgLogo org={invitation.organization} size={40} />
                  <div className="stack org-card-body">
                    <p>
                      {invitation.inviter
                        ? t.rich("invitesYouFrom", { org, role: roles(invitation.role), inviter: invitation.inviter, strong })
                        : t.rich("invitesYou", { org, role: roles(invitation.role), strong })}
                    </p>
                    <p className="muted">
                      {t.rich("expires", {
                        date: dateTime(locale, invitation.expiresAt),
                        time: (chunks) => <time dateTime={invitation.expiresAt.toISOString()}>{chunks}</time>,
                      })}
                    </p>
                    <div className="button-row">
                      <ActionButton action={acceptInvitationAction} hidden={{ invitationId: invitation.id }} label={t("accept")} detail={detail} pendingLabel={t("joining")} />
                      <ActionButton action={declineInvitationAction} hidden={{ invitationId: invitation.id }} label={t("decline")} detail={detail} pendingLabel={t("declining")} variant="secondary" />
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <section className="stack" aria-labelledby="my-orgs">
        <h2 id="my-orgs">{t("yoursTitle")}</h2>
        {orgs.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>
            {t.rich("none", { link: (chunks) => <Link href="/orgs/new">{chunks}</Link> })}
          </p>
        ) : (
          <ul className="org-cards">
            {orgs.map(({ organization, role, memberCount }) => (
              <li key={organization.id} className="org-card">
                <OrgLogo org={organization} size={40} />
                <div className="org-card-body">
                  <p>
                    <Link href={`/orgs/${organization.slug}`}><strong>{organization.name}</strong></Link>{" "}
                    {organization.id === active?.organization.id ? <span className="badge">{t("active")}</span> : null}
                  </p>
                  <p className="muted">{roles(role)} · {t("members", { count: memberCount })}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
