import type { Metadata } from "next";
import Link from "next/link";
import { OrgLogo } from "@/components/orgs/org-logo";
import { OrgNav } from "@/components/orgs/org-nav";
import { ROLE_LABELS } from "@/lib/orgs/permissions";
import { requireOrgRole } from "@/lib/orgs/require-org-role";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { organization } = await requireOrgRole((await params).slug);
  return { title: { default: organization.name, template: `%s · ${organization.name} · Mailgate` } };
}

/**
 * One organization's frame: its name, the viewer's role, its tabs. A
 * non-member never reaches it (proxy.ts answers with the plain 404 first,
 * requireOrgRole again here and in every page and action).
 */
export default async function OrgLayout({ params, children }: Params & { children: React.ReactNode }) {
  const access = await requireOrgRole((await params).slug);
  const { organization } = access;
  return (
    <div className="stack">
      <p className="breadcrumbs"><Link href="/orgs">Organizations</Link></p>
      <div className="org-heading">
        <OrgLogo org={organization} size={48} />
        <div>
          <p className="org-heading-name">{organization.name}</p>
          <p className="muted">
            /orgs/{organization.slug} · You&apos;re {access.role === "member" ? "a" : "an"} {ROLE_LABELS[access.role].toLowerCase()}
          </p>
        </div>
      </div>
      <OrgNav access={access} />
      {children}
    </div>
  );
}
