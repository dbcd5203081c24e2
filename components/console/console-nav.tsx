import { SectionNav } from "@/components/section-nav";

/** The console's sections, by the key of their name in the catalogue (`console.nav.*`). */
export const CONSOLE_SECTIONS = [
  { href: "/console/connectors", key: "connectors" },
  { href: "/console/deliveries", key: "deliveries" },
  { href: "/console/deliverability", key: "deliverability" },
  { href: "/console/webhooks", key: "webhooks" },
  { href: "/console/suppressions", key: "suppressions" },
  { href: "/console/social", key: "social" },
  { href: "/console/sign-in-experience", key: "signInExperience" },
  { href: "/console/branding", key: "branding" },
  { href: "/console/emails", key: "emails" },
  { href: "/console/organizations", key: "organizations" },
  { href: "/console/admins", key: "admins" },
] as const;

export function ConsoleNav({ label, labels }: { label: string; labels: Record<string, string> }) {
  const sections = CONSOLE_SECTIONS.map(({ href, key }) => ({ href, label: labels[key] ?? key }));
  return <SectionNav label={label} className="console-nav" sections={sections} />;
}
