import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { deliveriesHref, type DeliveryFilters } from "@/lib/mail/deliveries-view";

/** Newer / older pages by cursor (the filters carried along); "Newest" when not on the first page. */
export async function DeliveriesPagination({ filters, newer, older }: { filters: DeliveryFilters; newer: string | null; older: string | null }) {
  if (!newer && !older) return null;
  const t = await getTranslations("consoleDeliveries.pages");
  return (
    <nav aria-label={t("label")} className="deliveries-pagination">
      {newer ? <Link href={deliveriesHref(filters)}>{t("newest")}</Link> : null}
      {newer ? (
        <Link href={deliveriesHref(filters, { before: newer })} rel="prev">
          {t("newer")}
        </Link>
      ) : null}
      {older ? (
        <Link href={deliveriesHref(filters, { after: older })} rel="next">
          {t("older")}
        </Link>
      ) : null}
    </nav>
  );
}
