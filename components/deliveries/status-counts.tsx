import Link from "next/link";
import { deliveriesHref, DELIVERY_STATUSES, type DeliveryFilters } from "@/lib/mail/deliveries-view";
import type { StatusCounts as Counts } from "@/lib/mail/deliveries";
import { statusLabel } from "./status-badge";

/** Messages per status under the other filters; each count filters the table by its status. */
export function StatusCounts({ counts, filters }: { counts: Counts; filters: DeliveryFilters }) {
  const items = [
    { key: "all", label: "All", count: counts.total, href: deliveriesHref(filters, { status: undefined }), current: !filters.status },
    ...DELIVERY_STATUSES.map((status) => ({
      key: status,
      label: statusLabel(status),
      count: counts[status],
      href: deliveriesHref(filters, { status }),
      current: filters.status === status,
    })),
  ];
  return (
    <nav aria-label="Messages by status">
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
