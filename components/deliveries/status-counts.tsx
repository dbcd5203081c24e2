import { getTranslations } from "next-intl/server";
import { CountFilters } from "@/components/count-filters";
import { deliveriesHref, DELIVERY_STATUSES, type DeliveryFilters } from "@/lib/mail/deliveries-view";
import type { StatusCounts as Counts } from "@/lib/mail/deliveries";
import { statusLabel } from "./status-badge";

/** Messages per status under the other filters; each count filters the table by its status. */
export async function StatusCounts({ counts, filters }: { counts: Counts; filters: DeliveryFilters }) {
  const t = await getTranslations("consoleDeliveries");
  const items = [
    { key: "all", label: t("all"), count: counts.total, href: deliveriesHref(filters, { status: undefined }), current: !filters.status },
    ...DELIVERY_STATUSES.map((status) => ({
      key: status,
      label: statusLabel(t, status),
      count: counts[status],
      href: deliveriesHref(filters, { status }),
      current: filters.status === status,
    })),
  ];
  return <CountFilters label={t("byStatus")} items={items} />;
}
