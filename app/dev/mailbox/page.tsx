import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isDevMailboxEnabled, listDevMessages } from "@/lib/connectors/dev/mailbox";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false, follow: false } };

const LIMIT = 200;

function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DevMailboxPage({ searchParams }: Props) {
  if (!isDevMailboxEnabled()) notFound();
  const query = await searchParams;
  const to = typeof query.to === "string" ? query.to.trim() : "";
  const messages = await listDevMessages({ to: to || undefined, limit: LIMIT });

  return (
    <main id="main" tabIndex={-1} className="page">
      <div className="stack">
        <header className="stack">
          <h1>Dev mailbox</h1>
          <p className="muted">
            Emails sent with the dev connector are kept here instead of being delivered. Nothing on this page left the server.
          </p>
        </header>

        <form method="get" action="/dev/mailbox" className="card" role="search">
          <label htmlFor="dev-mailbox-to">Recipient</label>{" "}
          <input id="dev-mailbox-to" type="email" name="to" defaultValue={to} placeholder="ada@example.com" autoComplete="off" />{" "}
          <button type="submit">Filter</button>
          {to ? (
            <>
              {" "}
              <Link href="/dev/mailbox">Show all</Link>
            </>
          ) : null}
        </form>

        <section className="card" aria-label="Messages">
          {messages.length === 0 ? (
            <p className="muted">{to ? `No emails to ${to} yet.` : "No emails yet. Request a sign-in code and it will appear here."}</p>
          ) : (
            <table className="table">
              <caption className="muted">
                {messages.length === LIMIT ? `Latest ${LIMIT} emails` : `${messages.length} email${messages.length === 1 ? "" : "s"}`}
                {to ? ` to ${to}` : ""}, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">To</th>
                  <th scope="col">Subject</th>
                  <th scope="col">
                    <span className="muted">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {messages.map((message) => (
                  <tr key={message.id}>
                    <td>
                      <time dateTime={message.createdAt.toISOString()}>{formatTime(message.createdAt)}</time>
                    </td>
                    <td>
                      <Link href={`/dev/mailbox?to=${encodeURIComponent(message.to)}`}>{message.to}</Link>
                    </td>
                    <td>{message.subject || <span className="muted">(no subject)</span>}</td>
                    <td>
                      <Link href={`/dev/mailbox/${encodeURIComponent(message.id)}`} aria-label={`Open “${message.subject}” to ${message.to}`}>
                        View
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </main>
  );
}
