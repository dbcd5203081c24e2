import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { consoleTranslator } from "@/components/console/console-locale";
import { consoleMetadata } from "@/components/console/console-metadata";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProviderReport } from "@/components/deliveries/provider-report";
import { RetryForm } from "@/components/deliveries/retry-form";
import { StatusBadge } from "@/components/deliveries/status-badge";
import { Timestamp } from "@/components/deliveries/timestamp";
import { requireAdmin } from "@/lib/auth/admin";
import { getEmailKindLabel, type EmailKindLabel } from "@/lib/i18n/email-kinds";
import { getDelivery, type DeliveryContent, type DeliveryDetail } from "@/lib/mail/deliveries";
import { operatorText } from "@/lib/errors/codes";
import { hideCodes, previewDocument, retryRefusal } from "@/lib/mail/deliveries-view";
import { retryDeliveryAction } from "../actions";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("delivery");

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
  const [t, { tr }] = await Promise.all([getTranslations("consoleDeliveries"), consoleTranslator()]);
  const kind = kindLabel(message.purpose);

  return (
    <div className="stack console-page delivery-page">
      <p className="breadcrumbs">
        <Link href="/console/deliveries">{t("title")}</Link> / {kind}
      </p>
      <header className="delivery-heading">
        <h1>{hideCodes(message.subject) || t("noSubject")}</h1>
        <StatusBadge status={message.status} errorCode={message.errorCode} />
      </header>

      {query.retried === "1" ? (
        <div className="alert alert-ok" role="status">
          {t("retried")}
        </div>
      ) : null}

      {canRetry ? (
        refusal ? (
          <p className="muted">{t("retryUnavailable", { reason: tr(refusal) })}</p>
        ) : (
          <RetryForm action={retryDeliveryAction} id={message.id} back={`/console/deliveries/${encodeURIComponent(message.id)}`} what={t("thisEmail", { kind })} />
        )
      ) : null}

      <Facts message={message} t={t} kindLabel={kindLabel} />
      {message.errorCode ? <ErrorSection message={message} t={t} tr={tr} /> : null}
      <Timeline message={message} t={t} />
      <ContentSection content={message.content} t={t} />
    </div>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"consoleDeliveries">>>;

function Facts({ message, t, kindLabel }: { message: DeliveryDetail; t: Translate; kindLabel: EmailKindLabel }) {
  const facts: [string, ReactNode][] = [
    [t("columns.email"), kindLabel(message.purpose)],
    [t("columns.recipient"), message.recipient],
    [t("detail.locale"), message.locale],
    [t("columns.connector"), message.connector],
    [t("columns.attempts"), t("detail.attemptsOf", { attempts: message.attempts, max: message.maxAttempts })],
    [t("columns.providerMessageId"), message.providerMessageId ? <code>{message.providerMessageId}</code> : "—"],
    [t("columns.report"), <ProviderReport key="report" report={message} full />],
    [t("detail.messageId"), <code key="id">{message.id}</code>],
    [t("detail.idempotencyKey"), <code key="key">{message.idempotencyKey}</code>],
  ];
  return (
    <section className="card" aria-label={t("detail.details")}>
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

function ErrorSection({ message, t, tr }: { message: DeliveryDetail; t: Translate; tr: (text: string) => string }) {
  const hint = operatorText(message.errorCode);
  return (
    <section className="card stack" aria-labelledby="delivery-error">
      <h2 id="delivery-error">
        {t.rich("detail.error", { code: () => <code>{message.errorCode}</code> })}
      </h2>
      {hint ? <p className="muted delivery-hint">{tr(hint)}</p> : null}
      {message.errorMessage ? <pre className="delivery-error-full">{message.errorMessage}</pre> : null}
    </section>
  );
}

function Timeline({ message, t }: { message: DeliveryDetail; t: Translate }) {
  const events: [string, Date | null][] = [
    [t("detail.created"), message.createdAt],
    [t("detail.lastAttempt"), message.lastAttemptAt],
    ...(message.status === "failed" || message.status === "queued" ? ([[t("detail.nextAttempt"), message.nextAttemptAt]] as [string, Date | null][]) : []),
    [t("detail.sent"), message.sentAt],
    ...(message.expiresAt && message.status !== "sent" ? ([[t("detail.codeExpires"), message.expiresAt]] as [string, Date | null][]) : []),
  ];
  return (
    <section className="card stack" aria-labelledby="delivery-timeline">
      <h2 id="delivery-timeline">{t("detail.timeline")}</h2>
      <ol className="delivery-timeline">
        {events.map(([label, date]) => (
          <li key={label} className={date ? undefined : "muted"}>
            <span className="delivery-timeline-label">{label}</span> {date ? <Timestamp date={date} /> : t("detail.notYet")}
          </li>
        ))}
      </ol>
    </section>
  );
}

function ContentSection({ content, t }: { content: DeliveryContent; t: Translate }) {
  return (
    <section className="card stack" aria-labelledby="delivery-content">
      <h2 id="delivery-content">{t("detail.content")}</h2>
      {content.kept ? (
        <>
          <p className="muted">{t("detail.contentKept")}</p>
          <dl className="facts">
            <div>
              <dt>{t("detail.senderName")}</dt>
              <dd>{content.body.senderName}</dd>
            </div>
            {content.body.replyTo ? (
              <div>
                <dt>{t("detail.replyTo")}</dt>
                <dd>{content.body.replyTo}</dd>
              </div>
            ) : null}
          </dl>
          <h3>HTML</h3>
          <iframe sandbox="" srcDoc={previewDocument(content.body.html)} title={t("detail.htmlTitle")} className="email-preview" referrerPolicy="no-referrer" />
          <h3>{t("detail.plainText")}</h3>
          <pre className="delivery-text">{content.body.text}</pre>
        </>
      ) : (
        <p className="delivery-not-kept">
          {content.reason === "unreadable"
            ? content.detail
              ? t("detail.notKept.unreadableDetail", { detail: content.detail })
              : t("detail.notKept.unreadable")
            : t(`detail.notKept.${content.reason}`)}
        </p>
      )}
    </section>
  );
}
