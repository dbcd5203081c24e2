import { SectionNav, type Section } from "@/components/section-nav";
import type { OrgAccess } from "@/lib/orgs/find-org-access";
import { can } from "@/lib/orgs/permissions";

/** An organization's tabs: only the ones the member's role may open. */
export function OrgNav({ access }: { access: OrgAccess }) {
  const base = `/orgs/${access.organization.slug}`;
  const sections: Section[] = [
    { href: base, label: "Members", exact: true },
    ...(can(access.role, "view_invitations") ? [{ href: `${base}/invitations`, label: "Invitations" }] : []),
    ...(can(access.role, "update_settings") ? [{ href: `${base}/settings`, label: "Settings" }] : []),
  ];
  return <SectionNav label={access.organization.name} className="org-nav" sections={sections} />;
}
