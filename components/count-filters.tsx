import Link from "next/link";

export type CountFilter = { key: string; label: string; count: number; href: string; current: boolean };

/** How many items have each value of a filter, each a link that applies it (the current one marked): the deliveries and invitations lists. */
export function CountFilters({ label, items }: { label: string; items: readonly CountFilter[] }) {
  return (
    <nav aria-label={label}>
      <ul className="status-counts">
        {items.map((item) => (
          <li key={item.key} className={`status-count status-count-${item.key}`}>
            <Link href={item.href} aria-current={item.current ? "true" : undefined}>
              <span className="status-count-number">{item.count}</span>
              <span className="status-count-label">{item.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
