"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export const CONSOLE_SECTIONS = [
  { href: "/console/connectors", label: "Email connector" },
  { href: "/console/deliveries", label: "Deliveries" },
  { href: "/console/sign-in-experience", label: "Sign-in experience" },
] as const;

/** The console's sections; the current one is marked for assistive tech and styled from that. */
export function ConsoleNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Console" className="console-nav">
      <ul>
        {CONSOLE_SECTIONS.map((section) => {
          const current = pathname === section.href || pathname.startsWith(`${section.href}/`);
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
