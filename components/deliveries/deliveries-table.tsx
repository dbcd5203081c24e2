import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { consoleTranslator, emailKindLabel } from "@/components/console/console-locale";
import type { DeliveryRow } from "@/lib/mail/deliveries";
import { hideCodes, maskRecipient, retryRefusal, truncate } from "@/lib/mail/deliveries-view";
import type { ActionState } from "@/lib/result";
import { RetryForm } from "./retry-form";
import { StatusBadge } from "./status-badge";
import { Timestamp } from "./timestamp";

type Props = {
  rows: DeliveryRow[];
  retryAction: (state: ActionState, form: FormData) => Promise<ActionState>;
  /** This page's URL (filters and cursor), to come back to after a retry. */
  back: string;
  now: Date;
};

/**
 * One row per message, newest first. Recipients are masked and codes in
 * subjects hidden: the full address, error and content are one click away,
 * on the message's page.
 */
export async function DeliveriesTable({ rows, retryAction, back, now }: Props) {
  const t = await getTranslations("consoleDeliveries");
  const { tr } = await consoleTranslator();
  return (
    <div className="deliveries-table-wrap" role="region" aria-labelledby="deliveries-table-caption" tabIndex={0}>
      <table className="table deliveries-table">
        <caption id="deliveries-table-caption" className="deliveries-visually-hidden">
          {t("tableCaption")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.status")}</th>
            <th scope="col">{t("columns.email")}</th>
            <th scope="col">{t("columns.recipient")}</th>
            <th scope="col">{t("columns.connector")}</th>
            <th scope="col">{t("columns.attempts")}</th>
            <th scope="col">{t("columns.nextAttempt")}</th>
            <th scope="col">{t("columns.error")}</th>
            <th scope="col">{t("columns.providerMessageId")}</th>
            <th scope="col">{t("columns.created")}</th>
            <th scope="col">{t("columns.sent")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <DeliveryTableRow key={row.id} row={row} retryAction={retryAction} back={back} now={now} t={t} tr={tr} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Status first, with what can be done about it (Retry, or why not); then the facts. */
type RowProps = { row: DeliveryRow; t: Awaited<ReturnType<typeof getTranslations<"consoleDeliveries">>>; tr: (text: string) => string } & Omit<Props, "rows">;

function DeliveryTableRow({ row, retryAction, back, now, t, tr }: RowProps) {
  const masked = maskRecipient(row.recipient);
  const what = t("rowWhat", { kind: emailKindLabel(row.purpose), recipient: masked });
  const canRetryStatus = row.status === "failed" || row.status === "dead";
  const refusal = canRetryStatus ? retryRefusal(row, now) : null;
  return (
    <tr data-delivery-id={row.id}>
      <td>
        <div className="delivery-status-cell">
          <StatusBadge status={row.status} errorCode={row.errorCode} />
          {canRetryStatus ? (
            refusal ? (
              <p className="delivery-refusal">{tr(refusal)}</p>
            ) : (
              <RetryForm action={retryAction} id={row.id} back={back} what={what} />
            )
          ) : null}
        </div>
      </td>
      <td className="delivery-email">
        <div className="delivery-purpose">{emailKindLabel(row.purpose)}</div>
        <div className="muted delivery-subject">{truncate(hideCodes(row.subject), 60)}</div>
        <Link href={`/console/deliveries/${encodeURIComponent(row.id)}`}>
          {t("view")}<span className="deliveries-visually-hidden"> {what}</span>
        </Link>
      </td>
      <td className="delivery-nowrap">{masked}</td>
      <td>{row.connector}</td>
      <td className="delivery-nowrap delivery-number">
        {row.attempts}/{row.maxAttempts}
      </td>
      <td>{row.status === "failed" ? <Timestamp date={row.nextAttemptAt} stacked /> : <span className="muted">—</span>}</td>
      <td className="delivery-error">
        {row.errorCode ? (
          <>
            <code>{row.errorCode}</code>
            {row.errorMessage ? <div className="delivery-error-message">{truncate(row.errorMessage, 80)}</div> : null}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="delivery-nowrap">{row.providerMessageId ? <code title={row.providerMessageId}>{truncate(row.providerMessageId, 16)}</code> : <span className="muted">—</span>}</td>
      <td>
        <Timestamp date={row.createdAt} stacked />
      </td>
      <td>
        <Timestamp date={row.sentAt} stacked />
      </td>
    </tr>
  );
}
