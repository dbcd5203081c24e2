"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export const ACCOUNT_SECTIONS = [
  { href: "/account", label: "Profile" },
  { href: "/account/email", label: "Email" },
  { href: "/account/password", label: "Password" },
  { href: "/account/security", label: "Two-step verification" },
  { href: "/account/sessions", label: "Sessions" },
  { href: "/account/activity", label: "Security activity" },
  { href: "/account/delete", label: "Delete account" },
] as const;

/** The account centre's sections; the current one is marked for assistive tech and styled from that. */
export function AccountNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Account" className="account-nav">
      <ul>
        {ACCOUNT_SECTIONS.map((section) => {
          // Profile is the root: only an exact match makes it current.
          const current = section.href === "/account" ? pathname === section.href : pathname === section.href || pathname.startsWith(`${section.href}/`);
          return (
            <li key={section.href}>
              <Link href={section.href} aria-current={current ? "page" : undefined}>
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
