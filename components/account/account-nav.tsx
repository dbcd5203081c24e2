import { SectionNav, type Section } from "@/components/section-nav";

export const ACCOUNT_SECTIONS: readonly Section[] = [
  // Profile is the root: only an exact match makes it current.
  { href: "/account", label: "Profile", exact: true },
  { href: "/account/email", label: "Email" },
  { href: "/account/password", label: "Password" },
  { href: "/account/security", label: "Two-step verification" },
  { href: "/account/connections", label: "Connected accounts" },
  { href: "/account/sessions", label: "Sessions" },
  { href: "/account/activity", label: "Security activity" },
  { href: "/orgs", label: "Organizations" },
  { href: "/account/delete", label: "Delete account" },
];

/** `consoleLabel`: the words for the admin console's link, given to admins only. */
export function AccountNav({ consoleLabel }: { consoleLabel: string | null }) {
  const sections = consoleLabel ? [...ACCOUNT_SECTIONS, { href: "/console", label: consoleLabel }] : ACCOUNT_SECTIONS;
  return <SectionNav label="Account" className="account-nav" sections={sections} />;
}
