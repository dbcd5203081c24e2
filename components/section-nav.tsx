"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type Section = { href: string; label: string; /** Current only on an exact match (a root section like /account). */ exact?: boolean };

/** A side navigation; the current section is marked for assistive tech and styled from that. */
export function SectionNav({ label, className, sections }: { label: string; className: string; sections: readonly Section[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className={className}>
      <ul>
        {sections.map((section) => {
          const current = pathname === section.href || (!section.exact && pathname.startsWith(`${section.href}/`));
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
