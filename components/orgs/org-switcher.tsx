import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { findActiveOrganization } from "@/lib/orgs/find-active-organization";
import { listMyOrganizations } from "@/lib/orgs/list-my-organizations";
import { OrgLogo } from "./org-logo";

type Props = { user: CurrentUser; switchAction: (form: FormData) => Promise<void> };

/**
 * The header's organization switcher: a disclosure (<details>, no script
 * needed) listing the user's organizations, each a one-button POST form that
 * makes it the session's active organization; the active one is marked.
 */
export async function OrgSwitcher({ user, switchAction }: Props) {
  const [orgs, active, t] = await Promise.all([listMyOrganizations(user), findActiveOrganization(user), getTranslations("orgs")]);
  const activeId = active?.organization.id;
  return (
    <details className="org-switcher">
      <summary>
        <span className="account-sr-only">{t("switcherLabel")} </span>
        {active ? (
          <>
            <OrgLogo org={active.organization} size={20} /> {active.organization.name}
          </>
        ) : (
          t("noOrganization")
        )}
      </summary>
      <div className="org-switcher-menu stack">
        {orgs.length > 0 ? (
          <ul aria-label={t("switchLabel")}>
            {orgs.map(({ organization }) => {
              const current = organization.id === activeId;
              return (
                <li key={organization.id}>
                  <form action={switchAction}>
                    <input type="hidden" name="slug" value={organization.slug} />
                    <button type="submit" className="org-switcher-item" aria-current={current ? "true" : undefined}>
                      <OrgLogo org={organization} size={20} />
                      <span>{organization.name}</span>
                      {current ? <span className="badge">{t("active")}</span> : null}
                    </button>
                  </form>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="muted">{t("noneShort")}</p>
        )}
        <div className="links">
          <Link href="/orgs/new">{t("create")}</Link>
          <Link href="/orgs">{t("all")}</Link>
        </div>
      </div>
    </details>
  );
}
