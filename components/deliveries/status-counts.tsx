import { CountFilters } from "@/components/count-filters";
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
  return <CountFilters label="Messages by status" items={items} />;
}
