import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OrgLogo } from "@/components/orgs/org-logo";
import { OrgNav } from "@/components/orgs/org-nav";
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
  const t = await getTranslations("orgs");
  return (
    <div className="stack">
      <p className="breadcrumbs"><Link href="/orgs">{t("title")}</Link></p>
      <div className="org-heading">
        <OrgLogo org={organization} size={48} />
        <div>
          <p className="org-heading-name">{organization.name}</p>
          <p className="muted">
            /orgs/{organization.slug} · {t("you", { role: access.role })}
          </p>
        </div>
      </div>
      <OrgNav access={access} />
      {children}
    </div>
  );
}
