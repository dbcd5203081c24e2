import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { consoleMetadata } from "@/components/console/console-metadata";
import { Timestamp } from "@/components/deliveries/timestamp";
import { requireAdmin } from "@/lib/auth/admin";
import { listOrganizationsForConsole } from "@/lib/orgs/console-list-organizations";
import { ConsolePage } from "@/components/console/console-page";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("organizations");

/** Every organization on this install, newest first, with what may need an operator's eye: invitations whose email did not go out. */
export default async function OrganizationsPage() {
  const admin = await requireAdmin();
  const listed = await listOrganizationsForConsole(admin);
  // requireAdmin let them in, so the lib's own admin check passes too.
  if (!listed.ok) throw new Error(listed.formError);
  const { organizations, total } = listed.value;
  const t = await getTranslations("consoleOrgs");
  return (
    <ConsolePage title={t("title")} lead={t("lead")}>
      {organizations.length === 0 ? (
        <p className="card">{t("empty")}</p>
      ) : (
        <table className="table console-organizations">
          <caption>
            {total > organizations.length ? t("captionSome", { shown: organizations.length, total }) : t("captionAll", { total })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.organization")}</th>
              <th scope="col">{t("columns.slug")}</th>
              <th scope="col">{t("columns.members")}</th>
              <th scope="col">{t("columns.pending")}</th>
              <th scope="col">{t("columns.failed")}</th>
              <th scope="col">{t("columns.created")}</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((org) => (
              <tr key={org.id}>
                <th scope="row">
                  <Link href={`/console/organizations/${encodeURIComponent(org.id)}`}>{org.name}</Link>
                </th>
                <td>{org.slug}</td>
                <td>{org.memberCount}</td>
                <td>{org.pendingInvitations}</td>
                <td>{org.failedInvitationEmails > 0 ? <strong className="console-warning">{org.failedInvitationEmails}</strong> : 0}</td>
                <td>
                  <Timestamp date={org.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ConsolePage>
  );
}
