import { getTranslations } from "next-intl/server";
import { SectionNav } from "@/components/section-nav";

/** Each section's path and its name's key in the `account` catalogue. */
const ACCOUNT_SECTIONS = [
  // Profile is the root: only an exact match makes it current.
  { href: "/account", key: "navProfile", exact: true },
  { href: "/account/email", key: "navEmail" },
  { href: "/account/password", key: "navPassword" },
  { href: "/account/security", key: "navSecurity" },
  { href: "/account/connections", key: "navConnections" },
  { href: "/account/sessions", key: "navSessions" },
  { href: "/account/activity", key: "navActivity" },
  { href: "/orgs", key: "navOrgs" },
  { href: "/account/delete", key: "navDelete" },
] as const;

/** `consoleLabel`: the words for the admin console's link, given to admins only. */
export async function AccountNav({ consoleLabel }: { consoleLabel: string | null }) {
  const t = await getTranslations("account");
  const sections = ACCOUNT_SECTIONS.map(({ key, ...section }) => ({ ...section, label: t(key) }));
  return <SectionNav label={t("navLabel")} className="account-nav" sections={consoleLabel ? [...sections, { href: "/console", label: consoleLabel }] : sections} />;
}
