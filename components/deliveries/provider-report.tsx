import { getTranslations } from "next-intl/server";
import { truncate, type ReportedStatus } from "@/lib/mail/deliveries-view";
import { Timestamp } from "./timestamp";

type Report = { deliveryStatus: ReportedStatus | null; deliveryDetail: string | null; deliveryUpdatedAt: Date | null };

/**
 * What the provider's webhook last said about the message, in words
 * (`consoleDeliveries.reports.*`), with its own words and when: "Sent" only
 * means the provider took it; this is whether it arrived. `full` on the
 * message's page, cut short in the list.
 */
export async function ProviderReport({ report, full = false }: { report: Report; full?: boolean }) {
  const { deliveryStatus: status, deliveryDetail: detail, deliveryUpdatedAt: at } = report;
  const t = await getTranslations("consoleDeliveries");
  if (!status) return <span className="muted">{t("reports.none")}</span>;
  return (
    <div className="delivery-report">
      <strong title={t(`reports.${status}.title`)}>{t(`reports.${status}.label`)}</strong>
      {detail ? <div className="delivery-error-message">{full ? detail : truncate(detail, 80)}</div> : null}
      {at ? (
        <div className="delivery-error-message">
          <Timestamp date={at} />
        </div>
      ) : null}
    </div>
  );
}
