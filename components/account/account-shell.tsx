import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OrgSwitcher } from "@/components/orgs/org-switcher";
import { getCurrentAdmin } from "@/lib/auth/current-admin";
import type { CurrentUser } from "@/lib/auth/current-user";
import { brandStyle } from "@/lib/branding/css-vars";
import { getSettings } from "@/lib/settings/get-settings";
import { AccountNav } from "./account-nav";

type FormAction = (form: FormData) => Promise<void>;
type Props = { user: CurrentUser; signOutAction: FormAction; switchAction: FormAction; children: React.ReactNode };

/**
 * The signed-in pages' frame (the account centre and /orgs): the header with
 * the organization switcher and sign-out, the account navigation, the page.
 * The layouts pass the actions in, as server actions live next to their pages.
 */
export async function AccountShell({ user, signOutAction, switchAction, children }: Props) {
  const [{ branding }, admin, t] = await Promise.all([getSettings(), getCurrentAdmin(), getTranslations("header")]);
  return (
    <div className="account" style={{ ...brandStyle(branding), background: "var(--bg)" }}>
      <header className="account-header">
        <div className="account-header-inner">
          <div className="account-who">
            <Link href="/" className="account-brand">
              {branding.productName}
            </Link>
            <OrgSwitcher user={user} switchAction={switchAction} />
          </div>
          <div className="account-who">
            {admin ? <Link href="/console">{t("console")}</Link> : null}
            <span className="muted">
              Signed in as <strong>{user.email}</strong>
            </span>
            <form action={signOutAction}>
              <button className="button button-secondary button-inline account-button-small" type="submit">Sign out</button>
            </form>
          </div>
        </div>
      </header>
      <div className="account-body">
        <AccountNav consoleLabel={admin ? t("console") : null} />
        <main className="account-main">{children}</main>
      </div>
    </div>
  );
}
