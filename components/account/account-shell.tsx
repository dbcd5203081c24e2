import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientIntl } from "@/components/client-intl";
import { OrgSwitcher } from "@/components/orgs/org-switcher";
import { getCurrentAdmin } from "@/lib/auth/current-admin";
import type { CurrentUser } from "@/lib/auth/current-user";
import { brandStyle } from "@/lib/branding/css-vars";
import { getSettings } from "@/lib/settings/get-settings";
import { AccountNav } from "./account-nav";

type FormAction = (form: FormData) => Promise<void>;
/** `banner`: shown above the page, inside <main> (the account layout's warning about an undeliverable address). */
type Props = { user: CurrentUser; signOutAction: FormAction; switchAction: FormAction; banner?: React.ReactNode; children: React.ReactNode };

/**
 * The signed-in pages' frame (the account centre and /orgs): the header with
 * the organization switcher and sign-out, the account navigation, the page.
 * The layouts pass the actions in, as server actions live next to their pages.
 */
export async function AccountShell({ user, signOutAction, switchAction, banner, children }: Props) {
  const [{ branding }, admin, t, header] = await Promise.all([getSettings(), getCurrentAdmin(), getTranslations("account"), getTranslations("header")]);
  return (
    <div className="account branded" style={{ ...brandStyle(branding), background: "var(--bg)" }}>
      <header className="account-header">
        <div className="account-header-inner">
          <div className="account-who">
            <Link href="/" className="account-brand">
              {branding.productName}
            </Link>
            <OrgSwitcher user={user} switchAction={switchAction} />
          </div>
          <div className="account-who">
            {admin ? <Link href="/console">{header("console")}</Link> : null}
            <span className="muted">{t.rich("signedInAs", { email: user.email, strong: (chunks) => <strong>{chunks}</strong> })}</span>
            <form action={signOutAction}>
              <button className="button button-secondary button-inline account-button-small" type="submit">{t("signOut")}</button>
            </form>
          </div>
        </div>
      </header>
      <div className="account-body">
        <AccountNav consoleLabel={admin ? header("console") : null} />
        {/* The forms' own words (client components), and only theirs: the rest of the catalogue stays on the server. */}
        <ClientIntl namespaces={(namespace) => namespace === "accountClient" || namespace === "orgClient"}>
          <main id="main" tabIndex={-1} className="account-main">
            {banner}
            {children}
          </main>
        </ClientIntl>
      </div>
    </div>
  );
}
