import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { consoleTranslator } from "@/components/console/console-locale";
import { getEmailKindLabel, type EmailKindLabel } from "@/lib/i18n/email-kinds";
import type { DeliveryRow } from "@/lib/mail/deliveries";
import { hideCodes, maskRecipient, retryRefusal, truncate } from "@/lib/mail/deliveries-view";
import type { ActionState } from "@/lib/result";
import { ProviderReport } from "./provider-report";
import { CardTable } from "./card-table";
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

/** Column headers (consoleDeliveries.columns.*), and each cell's label when the table stacks into cards on phones (app/globals.css). */
const COLUMNS = ["status", "report", "email", "recipient", "connector", "attempts", "nextAttempt", "error", "providerMessageId", "created", "sent"] as const;
type Column = (typeof COLUMNS)[number];

/**
 * One row per message, newest first. Recipients are masked and codes in
 * subjects hidden: the full address, error and content are one click away,
 * on the message's page.
 */
export async function DeliveriesTable({ rows, retryAction, back, now }: Props) {
  const [t, { tr }, kindLabel] = await Promise.all([getTranslations("consoleDeliveries"), consoleTranslator(), getEmailKindLabel()]);
  return (
    <CardTable captionId="deliveries-table-caption" caption={t("tableCaption")} headers={COLUMNS.map((column) => t(`columns.${column}`))}>
      {rows.map((row) => (
        <DeliveryTableRow key={row.id} row={row} retryAction={retryAction} back={back} now={now} t={t} tr={tr} kindLabel={kindLabel} />
      ))}
    </CardTable>
  );
}

/** Status first, with what can be done about it (Retry, or why not); then the facts. */
type RowProps = { row: DeliveryRow; t: Awaited<ReturnType<typeof getTranslations<"consoleDeliveries">>>; tr: (text: string) => string; kindLabel: EmailKindLabel } & Omit<Props, "rows">;

function DeliveryTableRow({ row, retryAction, back, now, t, tr, kindLabel }: RowProps) {
  const masked = maskRecipient(row.recipient);
  const what = t("rowWhat", { kind: kindLabel(row.purpose), recipient: masked });
  const canRetryStatus = row.status === "failed" || row.status === "dead";
  /** A cell that names its column: role kept when phones display the table as blocks. */
  const cell = (column: Column) => ({ role: "cell", "data-label": t(`columns.${column}`) }) as const;
  const refusal = canRetryStatus ? retryRefusal(row, now) : null;
  return (
    <tr data-delivery-id={row.id} role="row">
      <td {...cell("status")}>
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
      <td {...cell("report")}>
        <ProviderReport report={row} />
      </td>
      <td className="delivery-email" {...cell("email")}>
        <div className="delivery-purpose">{kindLabel(row.purpose)}</div>
        <div className="muted delivery-subject">{truncate(hideCodes(row.subject), 60)}</div>
        <Link href={`/console/deliveries/${encodeURIComponent(row.id)}`}>
          {t("view")}<span className="deliveries-visually-hidden"> {what}</span>
        </Link>
      </td>
      <td className="delivery-nowrap" {...cell("recipient")}>{masked}</td>
      <td {...cell("connector")}>{row.connector}</td>
      <td className="delivery-nowrap delivery-number" {...cell("attempts")}>
        {row.attempts}/{row.maxAttempts}
      </td>
      <td {...cell("nextAttempt")}>{row.status === "failed" ? <Timestamp date={row.nextAttemptAt} stacked /> : <span className="muted">—</span>}</td>
      <td className="delivery-error" {...cell("error")}>
        {row.errorCode ? (
          <>
            <code>{row.errorCode}</code>
            {row.errorMessage ? <div className="delivery-error-message">{truncate(row.errorMessage, 80)}</div> : null}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="delivery-nowrap" {...cell("providerMessageId")}>{row.providerMessageId ? <code title={row.providerMessageId}>{truncate(row.providerMessageId, 16)}</code> : <span className="muted">—</span>}</td>
      <td {...cell("created")}>
        <Timestamp date={row.createdAt} stacked />
      </td>
      <td {...cell("sent")}>
        <Timestamp date={row.sentAt} stacked />
      </td>
    </tr>
  );
}
