import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountShell } from "@/components/account/account-shell";
import { requireUser } from "@/lib/auth/require-user";
import { signOutAction } from "../actions";
import { switchOrganizationAction } from "./actions";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: { default: (await getTranslations("orgs"))("title"), template: "%s · Mailgate" }, robots: { index: false, follow: false } };
}

/** Organizations live in the account centre's frame (its navigation lists them); each page checks its own access. */
export default async function OrgsLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <AccountShell user={user} signOutAction={signOutAction} switchAction={switchOrganizationAction}>
      {children}
    </AccountShell>
  );
}
