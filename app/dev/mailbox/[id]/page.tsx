import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDevMessage, isDevMailboxEnabled } from "@/lib/connectors/dev/mailbox";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dev mailbox message", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

export default async function DevMailboxMessagePage({ params }: Props) {
  if (!isDevMailboxEnabled()) notFound();
  const { id } = await params;
  const message = await getDevMessage(id);
  if (!message) notFound();
  const rows: [string, ReactNode][] = [
    ["From", message.from],
    ["To", message.to],
    ["Subject", message.subject],
    ["Time", <time key="time" dateTime={message.createdAt.toISOString()}>{formatTime(message.createdAt)}</time>],
    ...Object.entries(message.headers),
  ];

  return (
    <main id="main" tabIndex={-1} className="page">
      <div className="stack">
        <p>
          <Link href={`/dev/mailbox?to=${encodeURIComponent(message.to)}`}>← Emails to {message.to}</Link>
          {" · "}
          <Link href="/dev/mailbox">All emails</Link>
        </p>

        <article className="stack">
          <header className="card">
            <h1>{message.subject || "(no subject)"}</h1>
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
            <h2 id="dev-mailbox-html">HTML</h2>
            <p className="muted">As the recipient sees it; scripts, forms and remote content other than https images are blocked.</p>
            <iframe
              sandbox=""
              src={`/dev/mailbox/${encodeURIComponent(message.id)}/html`}
              title="Email preview"
              className="email-preview"
              referrerPolicy="no-referrer"
              loading="lazy"
            />
          </section>

          <section className="card stack" aria-labelledby="dev-mailbox-text">
            <h2 id="dev-mailbox-text">Plain text</h2>
            <pre>{message.text}</pre>
          </section>
        </article>
      </div>
    </main>
  );
}
