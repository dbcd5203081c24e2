import Link from "next/link";
import { getEmailKindLabel, type EmailKindLabel } from "@/lib/i18n/email-kinds";
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
  const kindLabel = await getEmailKindLabel();
  return (
    <div className="deliveries-table-wrap" role="region" aria-labelledby="deliveries-table-caption" tabIndex={0}>
      <table className="table deliveries-table">
        <caption id="deliveries-table-caption" className="deliveries-visually-hidden">
          Emails, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Email</th>
            <th scope="col">Recipient</th>
            <th scope="col">Connector</th>
            <th scope="col">Attempts</th>
            <th scope="col">Next attempt (UTC)</th>
            <th scope="col">Error</th>
            <th scope="col">Provider message ID</th>
            <th scope="col">Created (UTC)</th>
            <th scope="col">Sent (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <DeliveryTableRow key={row.id} row={row} retryAction={retryAction} back={back} now={now} kindLabel={kindLabel} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Status first, with what can be done about it (Retry, or why not); then the facts. */
function DeliveryTableRow({ row, retryAction, back, now, kindLabel }: { row: DeliveryRow; kindLabel: EmailKindLabel } & Omit<Props, "rows">) {
  const masked = maskRecipient(row.recipient);
  const what = `the “${kindLabel(row.purpose)}” email to ${masked}`;
  const canRetryStatus = row.status === "failed" || row.status === "dead";
  const refusal = canRetryStatus ? retryRefusal(row, now) : null;
  return (
    <tr data-delivery-id={row.id}>
      <td>
        <div className="delivery-status-cell">
          <StatusBadge status={row.status} errorCode={row.errorCode} />
          {canRetryStatus ? (
            refusal ? (
              <p className="delivery-refusal">{refusal}</p>
            ) : (
              <RetryForm action={retryAction} id={row.id} back={back} what={what} />
            )
          ) : null}
        </div>
      </td>
      <td className="delivery-email">
        <div className="delivery-purpose">{kindLabel(row.purpose)}</div>
        <div className="muted delivery-subject">{truncate(hideCodes(row.subject), 60)}</div>
        <Link href={`/console/deliveries/${encodeURIComponent(row.id)}`}>
          View<span className="deliveries-visually-hidden"> {what}</span>
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
