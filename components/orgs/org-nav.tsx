import { getTranslations } from "next-intl/server";
import { SectionNav, type Section } from "@/components/section-nav";
import type { OrgAccess } from "@/lib/orgs/find-org-access";
import { can } from "@/lib/orgs/permissions";

/** An organization's tabs: only the ones the member's role may open. */
export async function OrgNav({ access }: { access: OrgAccess }) {
  const t = await getTranslations("orgs");
  const base = `/orgs/${access.organization.slug}`;
  const sections: Section[] = [
    { href: base, label: t("navMembers"), exact: true },
    ...(can(access.role, "view_invitations") ? [{ href: `${base}/invitations`, label: t("navInvitations") }] : []),
    ...(can(access.role, "update_settings") ? [{ href: `${base}/settings`, label: t("navSettings") }] : []),
  ];
  return <SectionNav label={access.organization.name} className="org-nav" sections={sections} />;
}
