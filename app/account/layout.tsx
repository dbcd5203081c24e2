import type { CSSProperties } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { AccountNav } from "@/components/account/account-nav";
import { getSettings } from "@/lib/settings/get-settings";
import { signOutAction } from "../actions";
import { requireUser } from "./guard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: { default: "Account", template: "%s · Account · Mailgate" },
  robots: { index: false, follow: false },
};

/**
 * The account centre's shell. Signed-out visitors go to sign-in; the MFA
 * setup an admin may require is enforced by each page (requireAccountUser),
 * since a layout cannot tell which page it wraps and does not guard actions.
 */
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const [user, { branding }] = await Promise.all([requireUser(), getSettings()]);
  const style = { "--brand": branding.primaryColor, "--bg": branding.backgroundColor } as CSSProperties;
  return (
    <div className="account" style={{ ...style, background: "var(--bg)" }}>
      <header className="account-header">
        <div className="account-header-inner">
          <Link href="/" className="account-brand">
            {branding.productName}
          </Link>
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
        <main className="account-main">{children}</main>
      </div>
    </div>
  );
}
