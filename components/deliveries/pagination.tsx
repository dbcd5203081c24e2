import Link from "next/link";
import { deliveriesHref, type DeliveryFilters } from "@/lib/mail/deliveries-view";

/** Newer / older pages by cursor (the filters carried along); "Newest" when not on the first page. */
export function DeliveriesPagination({ filters, newer, older }: { filters: DeliveryFilters; newer: string | null; older: string | null }) {
  if (!newer && !older) return null;
  return (
    <nav aria-label="Pages" className="deliveries-pagination">
      {newer ? <Link href={deliveriesHref(filters)}>Newest</Link> : null}
      {newer ? (
        <Link href={deliveriesHref(filters, { before: newer })} rel="prev">
          ← Newer
        </Link>
      ) : null}
      {older ? (
        <Link href={deliveriesHref(filters, { after: older })} rel="next">
          Older →
        </Link>
      ) : null}
    </nav>
  );
}
