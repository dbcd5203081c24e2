import Link from "next/link";
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

/** Column headers, and each cell's label when the table stacks into cards on phones (app/globals.css). */
const COLUMNS = ["Status", "Email", "Recipient", "Connector", "Attempts", "Next attempt (UTC)", "Error", "Provider message ID", "Created (UTC)", "Sent (UTC)"] as const;
type Column = (typeof COLUMNS)[number];
/** A cell that names its column: role kept when phones display the table as blocks. */
const cell = (column: Column) => ({ role: "cell", "data-label": column }) as const;

/**
 * One row per message, newest first. Recipients are masked and codes in
 * subjects hidden: the full address, error and content are one click away,
 * on the message's page.
 */
export function DeliveriesTable({ rows, retryAction, back, now }: Props) {
  return (
    <div className="deliveries-table-wrap" role="region" aria-labelledby="deliveries-table-caption" tabIndex={0}>
      <table className="table deliveries-table" role="table">
        <caption id="deliveries-table-caption" className="deliveries-visually-hidden">
          Emails, newest first
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            {COLUMNS.map((column) => (
              <th key={column} scope="col" role="columnheader">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <DeliveryTableRow key={row.id} row={row} retryAction={retryAction} back={back} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Status first, with what can be done about it (Retry, or why not); then the facts. */
function DeliveryTableRow({ row, retryAction, back, now }: { row: DeliveryRow } & Omit<Props, "rows">) {
  const masked = maskRecipient(row.recipient);
  const what = `the ${row.purpose} email to ${masked}`;
  const canRetryStatus = row.status === "failed" || row.status === "dead";
  const refusal = canRetryStatus ? retryRefusal(row, now) : null;
  return (
    <tr data-delivery-id={row.id} role="row">
      <td {...cell("Status")}>
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
      <td className="delivery-email" {...cell("Email")}>
        <div className="delivery-purpose">{row.purpose}</div>
        <div className="muted delivery-subject">{truncate(hideCodes(row.subject), 60)}</div>
        <Link href={`/console/deliveries/${encodeURIComponent(row.id)}`}>
          View<span className="deliveries-visually-hidden"> {what}</span>
        </Link>
      </td>
      <td className="delivery-nowrap" {...cell("Recipient")}>{masked}</td>
      <td {...cell("Connector")}>{row.connector}</td>
      <td className="delivery-nowrap delivery-number" {...cell("Attempts")}>
        {row.attempts}/{row.maxAttempts}
      </td>
      <td {...cell("Next attempt (UTC)")}>{row.status === "failed" ? <Timestamp date={row.nextAttemptAt} stacked /> : <span className="muted">—</span>}</td>
      <td className="delivery-error" {...cell("Error")}>
        {row.errorCode ? (
          <>
            <code>{row.errorCode}</code>
            {row.errorMessage ? <div className="delivery-error-message">{truncate(row.errorMessage, 80)}</div> : null}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="delivery-nowrap" {...cell("Provider message ID")}>{row.providerMessageId ? <code title={row.providerMessageId}>{truncate(row.providerMessageId, 16)}</code> : <span className="muted">—</span>}</td>
      <td {...cell("Created (UTC)")}>
        <Timestamp date={row.createdAt} stacked />
      </td>
      <td {...cell("Sent (UTC)")}>
        <Timestamp date={row.sentAt} stacked />
      </td>
    </tr>
  );
}
