import type { Metadata } from "next";
import { consoleMetadata } from "@/components/console/console-metadata";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RetryForm } from "@/components/deliveries/retry-form";
import { StatusBadge } from "@/components/deliveries/status-badge";
import { Timestamp } from "@/components/deliveries/timestamp";
import { requireAdmin } from "@/lib/auth/admin";
import { getEmailKindLabel, type EmailKindLabel } from "@/lib/i18n/email-kinds";
import { getDelivery, type DeliveryContent, type DeliveryDetail } from "@/lib/mail/deliveries";
import { operatorText } from "@/lib/errors/codes";
import { hideCodes, previewDocument, retryRefusal } from "@/lib/mail/deliveries-view";
import { retryDeliveryAction } from "../actions";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("Delivery");

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function DeliveryPage({ params, searchParams }: Props) {
  // The content of an unsent message can hold a live code: admins only.
  await requireAdmin();
  const [{ id }, query, kindLabel] = await Promise.all([params, searchParams, getEmailKindLabel()]);
  const message = await getDelivery(id);
  if (!message) notFound();
  const canRetry = message.status === "failed" || message.status === "dead";
  const refusal = canRetry ? retryRefusal(message) : null;

  return (
    <div className="stack console-page delivery-page">
      <p className="breadcrumbs">
        <Link href="/console/deliveries">Deliveries</Link> / {kindLabel(message.purpose)}
      </p>
      <header className="delivery-heading">
        <h1>{hideCodes(message.subject) || "(no subject)"}</h1>
        <StatusBadge status={message.status} errorCode={message.errorCode} />
      </header>

      {query.retried === "1" ? (
        <div className="alert alert-ok" role="status">
          Queued for another attempt: the worker sends it within a few seconds. Reload to see the outcome.
        </div>
      ) : null}

      {canRetry ? (
        refusal ? (
          <p className="muted">Retry is not available: {refusal}</p>
        ) : (
          <RetryForm action={retryDeliveryAction} id={message.id} back={`/console/deliveries/${encodeURIComponent(message.id)}`} what={`this “${kindLabel(message.purpose)}” email`} />
        )
      ) : null}

      <Facts message={message} kindLabel={kindLabel} />
      {message.errorCode ? <ErrorSection message={message} /> : null}
      <Timeline message={message} />
      <ContentSection content={message.content} />
    </div>
  );
}

function Facts({ message, kindLabel }: { message: DeliveryDetail; kindLabel: EmailKindLabel }) {
  const facts: [string, ReactNode][] = [
    ["Email", kindLabel(message.purpose)],
    ["Recipient", message.recipient],
    ["Locale", message.locale],
    ["Connector", message.connector],
    ["Attempts", `${message.attempts} of ${message.maxAttempts}`],
    ["Provider message ID", message.providerMessageId ? <code>{message.providerMessageId}</code> : "—"],
    ["Message ID", <code key="id">{message.id}</code>],
    ["Idempotency key", <code key="key">{message.idempotencyKey}</code>],
  ];
  return (
    <section className="card" aria-label="Details">
      <dl className="facts">
        {facts.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ErrorSection({ message }: { message: DeliveryDetail }) {
  const hint = operatorText(message.errorCode);
  return (
    <section className="card stack" aria-labelledby="delivery-error">
      <h2 id="delivery-error">
        Error: <code>{message.errorCode}</code>
      </h2>
      {hint ? <p className="muted delivery-hint">{hint}</p> : null}
      {message.errorMessage ? <pre className="delivery-error-full">{message.errorMessage}</pre> : null}
    </section>
  );
}

function Timeline({ message }: { message: DeliveryDetail }) {
  const events: [string, Date | null][] = [
    ["Created", message.createdAt],
    ["Last attempt", message.lastAttemptAt],
    ...(message.status === "failed" || message.status === "queued" ? ([["Next attempt", message.nextAttemptAt]] as [string, Date | null][]) : []),
    ["Sent", message.sentAt],
    ...(message.expiresAt && message.status !== "sent" ? ([["Code expires", message.expiresAt]] as [string, Date | null][]) : []),
  ];
  return (
    <section className="card stack" aria-labelledby="delivery-timeline">
      <h2 id="delivery-timeline">Timeline (UTC)</h2>
      <ol className="delivery-timeline">
        {events.map(([label, date]) => (
          <li key={label} className={date ? undefined : "muted"}>
            <span className="delivery-timeline-label">{label}</span> {date ? <Timestamp date={date} /> : "not yet"}
          </li>
        ))}
      </ol>
    </section>
  );
}

const NOT_KEPT: Record<Exclude<DeliveryContent, { kept: true }>["reason"], string> = {
  sent: "Sent messages' content is not kept: it may contain a sign-in code.",
  dropped: "The content of this message is no longer kept (it was replaced by a newer email, expired, or was a connector test).",
  unreadable: "The stored content could not be opened",
};

function ContentSection({ content }: { content: DeliveryContent }) {
  return (
    <section className="card stack" aria-labelledby="delivery-content">
      <h2 id="delivery-content">Content</h2>
      {content.kept ? (
        <>
          <p className="muted">
            Kept until the message is sent, then deleted: it may contain a sign-in code. Shown in a sandbox where scripts, forms and remote content
            other than images cannot run.
          </p>
          <dl className="facts">
            <div>
              <dt>Sender name</dt>
              <dd>{content.body.senderName}</dd>
            </div>
            {content.body.replyTo ? (
              <div>
                <dt>Reply-To</dt>
                <dd>{content.body.replyTo}</dd>
              </div>
            ) : null}
          </dl>
          <h3>HTML</h3>
          <iframe sandbox="" srcDoc={previewDocument(content.body.html)} title="Email content (HTML)" className="email-preview" referrerPolicy="no-referrer" />
          <h3>Plain text</h3>
          <pre className="delivery-text">{content.body.text}</pre>
        </>
      ) : (
        <p className="delivery-not-kept">
          {content.reason === "unreadable" ? `${NOT_KEPT.unreadable}${content.detail ? `: ${content.detail}` : ""}.` : NOT_KEPT[content.reason]}
        </p>
      )}
    </section>
  );
}
