import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountShell } from "@/components/account/account-shell";
import { SuppressionBanner } from "@/components/account/suppression-banner";
import { findSuppression } from "@/lib/deliverability/suppressions";
import { signOutAction } from "../actions";
import { switchOrganizationAction } from "../orgs/actions";
import { requireUser } from "./guard";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const account = (await getTranslations("account"))("metaTitle");
  return { title: { default: account, template: `%s · ${account} · Mailgate` }, robots: { index: false, follow: false } };
}

/**
 * The account centre's shell. Signed-out visitors go to sign-in; the MFA
 * setup an admin may require is enforced by each page (requireAccountUser),
 * since a layout cannot tell which page it wraps and does not guard actions.
 */
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  // One primary-key look-up per page: is the user's own address suppressed?
  const suppressed = await findSuppression(user.email);
  const banner = suppressed ? <SuppressionBanner email={user.email} reason={suppressed.reason === "complaint" ? "complaint" : "hard_bounce"} /> : null;
  return (
    <AccountShell user={user} signOutAction={signOutAction} switchAction={switchOrganizationAction} banner={banner}>
      {children}
    </AccountShell>
  );
}
