import { SectionNav, type Section } from "@/components/section-nav";

export const CONSOLE_SECTIONS: readonly Section[] = [
  { href: "/console/connectors", label: "Email connector" },
  { href: "/console/deliveries", label: "Deliveries" },
  { href: "/console/deliverability", label: "Deliverability" },
  { href: "/console/social", label: "Social sign-in" },
  { href: "/console/sign-in-experience", label: "Sign-in experience" },
  { href: "/console/branding", label: "Branding" },
  { href: "/console/emails", label: "Email templates" },
  { href: "/console/organizations", label: "Organizations" },
  { href: "/console/admins", label: "Admins" },
];

export function ConsoleNav() {
  return <SectionNav label="Console" className="console-nav" sections={CONSOLE_SECTIONS} />;
}
