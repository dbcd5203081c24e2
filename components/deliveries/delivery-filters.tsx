import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EMAIL_KINDS } from "@/emails/kinds";
import { getEmailKindLabel } from "@/lib/i18n/email-kinds";
import { DELIVERY_STATUSES, REPORTED_STATUSES, type DeliveryFilters as Filters } from "@/lib/mail/deliveries-view";
import { statusLabel } from "./status-badge";

/**
 * A GET form, so filtering works without JavaScript and every filtered view
 * has a URL to share. Changing a filter starts again from the newest page.
 */
export async function DeliveryFilters({ filters, recipientProblem }: { filters: Filters; recipientProblem: string | null }) {
  const [t, kindLabel] = await Promise.all([getTranslations("consoleDeliveries"), getEmailKindLabel()]);
  return (
    <form method="get" action="/console/deliveries" className="deliveries-filters" role="search" aria-label={t("filters.label")}>
      <div className="field">
        <label htmlFor="filter-status">{t("columns.status")}</label>
        <select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">{t("filters.anyStatus")}</option>
          {DELIVERY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(t, status)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-report">{t("columns.report")}</label>
        <select id="filter-report" name="report" defaultValue={filters.report ?? ""}>
          <option value="">{t("filters.anyReport")}</option>
          {REPORTED_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`reports.${status}.label`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-purpose">{t("columns.email")}</label>
        <select id="filter-purpose" name="purpose" defaultValue={filters.purpose ?? ""}>
          <option value="">{t("filters.anyEmail")}</option>
          {EMAIL_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(kind)}
            </option>
          ))}
        </select>
      </div>
      <div className="field deliveries-filter-recipient">
        <label htmlFor="filter-recipient">{t("columns.recipient")}</label>
        <input
          id="filter-recipient"
          name="recipient"
          type="email"
          inputMode="email"
          autoComplete="off"
          placeholder="name@example.com"
          defaultValue={filters.recipient?.input ?? ""}
          aria-invalid={recipientProblem ? true : undefined}
          aria-describedby={recipientProblem ? "filter-recipient-error" : "filter-recipient-hint"}
        />
        {recipientProblem ? (
          <p id="filter-recipient-error" className="field-error">
            {recipientProblem}
          </p>
        ) : (
          <p id="filter-recipient-hint" className="field-help">
            {t("filters.recipientHint")}
          </p>
        )}
      </div>
      <div className="button-row deliveries-filter-actions">
        <button className="button button-inline" type="submit">
          {t("filters.submit")}
        </button>
        {filters.status || filters.report || filters.purpose || filters.recipient ? <Link href="/console/deliveries">{t("filters.clear")}</Link> : null}
      </div>
    </form>
  );
}
