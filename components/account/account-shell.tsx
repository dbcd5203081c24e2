import Link from "next/link";
import { OrgSwitcher } from "@/components/orgs/org-switcher";
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
  const { branding } = await getSettings();
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
        <AccountNav />
        <main id="main" tabIndex={-1} className="account-main">{children}</main>
      </div>
    </div>
  );
}
