import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/dev/auto-refresh";
import { MailboxCode } from "@/components/dev/mailbox-code";
import { devMessageKinds, isDevMailboxEnabled, listDevMessages } from "@/lib/connectors/dev/mailbox";
import { codeOf, formatTime } from "@/lib/connectors/dev/mailbox-view";
import { getEmailKindLabel } from "@/lib/i18n/email-kinds";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mailbox"))("title"), robots: { index: false, follow: false } };
}

const LIMIT = 200;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DevMailboxPage({ searchParams }: Props) {
  if (!isDevMailboxEnabled()) notFound();
  const query = await searchParams;
  const to = typeof query.to === "string" ? query.to.trim() : "";
  const [messages, t, kindLabel] = await Promise.all([listDevMessages({ to: to || undefined, limit: LIMIT }), getTranslations("mailbox"), getEmailKindLabel()]);
  const kinds = await devMessageKinds(messages.map((m) => m.id));
  const here = to ? `/dev/mailbox?to=${encodeURIComponent(to)}` : "/dev/mailbox";
  const caption = messages.length === LIMIT ? (to ? t("captionLatestTo", { count: LIMIT, to }) : t("captionLatest", { count: LIMIT })) : to ? t("captionTo", { count: messages.length, to }) : t("caption", { count: messages.length });

  return (
    <main id="main" tabIndex={-1} className="page">
      <div className="stack">
        <header className="stack">
          <h1>{t("title")}</h1>
          <p className="muted">{t("lead")}</p>
          <p className="mailbox-refresh">
            <a href={here}>{t("refresh")}</a> <AutoRefresh note={t("autoRefresh")} />
          </p>
        </header>

        <form method="get" action="/dev/mailbox" className="card" role="search">
          <label htmlFor="dev-mailbox-to">{t("recipient")}</label>{" "}
          <input id="dev-mailbox-to" type="email" name="to" defaultValue={to} placeholder="ada@example.com" autoComplete="off" />{" "}
          <button type="submit">{t("filter")}</button>
          {to ? (
            <>
              {" "}
              <Link href="/dev/mailbox">{t("showAll")}</Link>
            </>
          ) : null}
        </form>

        <section className="card mailbox-list" aria-label={t("messages")}>
          {messages.length === 0 ? (
            <p className="muted">{to ? t("emptyTo", { to }) : t("empty")}</p>
          ) : (
            <table className="table">
              <caption className="muted">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("time")}</th>
                  <th scope="col">{t("to")}</th>
                  <th scope="col">{t("kind")}</th>
                  <th scope="col">{t("subject")}</th>
                  <th scope="col">{t("code")}</th>
                  <th scope="col">
                    <span className="muted">{t("open")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {messages.map((message) => {
                  const kind = kinds.get(message.id);
                  const code = codeOf(message, kind);
                  return (
                    <tr key={message.id}>
                      <td>
                        <time dateTime={message.createdAt.toISOString()}>{formatTime(message.createdAt)}</time>
                      </td>
                      <td>
                        <Link href={`/dev/mailbox?to=${encodeURIComponent(message.to)}`}>{message.to}</Link>
                      </td>
                      <td>{kind ? kindLabel(kind) : null}</td>
                      <td>{message.subject || <span className="muted">{t("noSubject")}</span>}</td>
                      <td>{code ? <MailboxCode code={code} /> : null}</td>
                      <td>
                        <Link href={`/dev/mailbox/${encodeURIComponent(message.id)}`} aria-label={t("viewLabel", { subject: message.subject, to: message.to })}>
                          {t("view")}
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </main>
  );
}
