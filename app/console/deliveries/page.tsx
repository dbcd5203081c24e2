import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { consoleTranslator } from "@/components/console/console-locale";
import { consoleMetadata } from "@/components/console/console-metadata";
import { DeliveriesTable } from "@/components/deliveries/deliveries-table";
import { DeliveryFilters } from "@/components/deliveries/delivery-filters";
import { HourlyChart } from "@/components/deliveries/hourly-chart";
import { DeliveriesPagination } from "@/components/deliveries/pagination";
import { StatusCounts } from "@/components/deliveries/status-counts";
import { requireAdmin } from "@/lib/auth/admin";
import { countDeliveriesByStatus, getHourlyDeliveries, listDeliveries } from "@/lib/mail/deliveries";
import { deliveriesHref, encodeCursor, parseDeliveryQuery } from "@/lib/mail/deliveries-view";
import { retryDeliveryAction } from "./actions";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("deliveries");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DeliveriesPage({ searchParams }: Props) {
  await requireAdmin();
  const params = await searchParams;
  const { filters, cursor, recipientProblem } = parseDeliveryQuery(params);
  const now = new Date();
  const [page, counts, hours] = await Promise.all([listDeliveries(filters, cursor), countDeliveriesByStatus(filters), getHourlyDeliveries(now)]);
  const here = deliveriesHref(filters, cursor ? { [cursor.direction === "older" ? "after" : "before"]: encodeCursor(cursor) } : {});
  const filtered = Boolean(filters.status || filters.report || filters.purpose || filters.recipient);
  const [t, { tr }] = await Promise.all([getTranslations("consoleDeliveries"), consoleTranslator()]);

  return (
    <div className="stack console-page deliveries-page">
      <header>
        <h1>{t("title")}</h1>
        <p className="muted">{t("lead")}</p>
      </header>

      {params.retried === "1" ? (
        <div className="alert alert-ok" role="status">
          {t("retried")}
        </div>
      ) : null}

      <StatusCounts counts={counts} filters={filters} />
      <HourlyChart buckets={hours} />
      <DeliveryFilters filters={filters} recipientProblem={recipientProblem && tr(recipientProblem)} />

      {page.rows.length > 0 ? (
        <DeliveriesTable rows={page.rows} retryAction={retryDeliveryAction} back={here} now={now} />
      ) : (
        <p className="card deliveries-empty">{filtered ? t("emptyFiltered") : t("empty")}</p>
      )}
      <DeliveriesPagination filters={filters} newer={page.newer} older={page.older} />
    </div>
  );
}
