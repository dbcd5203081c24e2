import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MailboxCode } from "@/components/dev/mailbox-code";
import { devMessageKinds, getDevMessage, isDevMailboxEnabled } from "@/lib/connectors/dev/mailbox";
import { codeOf, formatTime } from "@/lib/connectors/dev/mailbox-view";
import { getEmailKindLabel } from "@/lib/i18n/email-kinds";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mailbox"))("messageTitle"), robots: { index: false, follow: false } };
}

type Props = { params: Promise<{ id: string }> };

export default async function DevMailboxMessagePage({ params }: Props) {
  if (!isDevMailboxEnabled()) notFound();
  const { id } = await params;
  const message = await getDevMessage(id);
  if (!message) notFound();
  const [t, kindLabel, kinds] = await Promise.all([getTranslations("mailbox"), getEmailKindLabel(), devMessageKinds([message.id])]);
  const kind = kinds.get(message.id);
  const code = codeOf(message, kind);
  const rows: [string, ReactNode][] = [
    ...(kind ? [[t("kind"), kindLabel(kind)] as [string, ReactNode]] : []),
    ...(code ? [[t("code"), <MailboxCode key="code" code={code} />] as [string, ReactNode]] : []),
    [t("from"), message.from],
    [t("to"), message.to],
    [t("subject"), message.subject],
    [t("time"), <time key="time" dateTime={message.createdAt.toISOString()}>{formatTime(message.createdAt)}</time>],
    ...Object.entries(message.headers),
  ];

  return (
    <main id="main" tabIndex={-1} className="page">
      <div className="stack">
        <p>
          <Link href={`/dev/mailbox?to=${encodeURIComponent(message.to)}`}>{t("emailsTo", { to: message.to })}</Link>
          {" · "}
          <Link href="/dev/mailbox">{t("allEmails")}</Link>
        </p>

        <article className="stack">
          <header className="card">
            <h1>{message.subject || t("noSubject")}</h1>
            <dl>
              {rows.map(([name, value], index) => (
                <div key={`${index}-${name}`}>
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </header>

          <section className="card stack" aria-labelledby="dev-mailbox-html">
            <h2 id="dev-mailbox-html">{t("html")}</h2>
            <p className="muted">{t("htmlNote")}</p>
            <iframe
              sandbox=""
              src={`/dev/mailbox/${encodeURIComponent(message.id)}/html`}
              title={t("preview")}
              className="email-preview"
              referrerPolicy="no-referrer"
              loading="lazy"
            />
          </section>

          <section className="card stack" aria-labelledby="dev-mailbox-text">
            <h2 id="dev-mailbox-text">{t("plainText")}</h2>
            <pre>{message.text}</pre>
          </section>
        </article>
      </div>
    </main>
  );
}
