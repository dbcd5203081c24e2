import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { consoleTranslator } from "@/components/console/console-locale";
import { consoleMetadata } from "@/components/console/console-metadata";
import Link from "next/link";
import { DeleteConnectorForm } from "@/components/console/delete-connector-form";
import { ProviderLogo } from "@/components/console/provider-logo";
import { TimeAgo } from "@/components/console/time-ago";
import { DeliverabilityBadge } from "@/components/deliverability/failing-badge";
import { requireAdmin } from "@/lib/auth/admin";
import { getConnectorOverview, type ConnectorOverview } from "@/lib/connectors/store";
import { deleteConnectorAction } from "./actions";
import { ConsolePage } from "@/components/console/console-page";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("connectors");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConnectorsPage({ searchParams }: Props) {
  await requireAdmin();
  const [overview, query] = await Promise.all([getConnectorOverview(), searchParams]);
  const { active, problem, envConnector } = overview;
  const devFallback = active?.source === "env" && active.id === "dev";
  const [t, { locale, tr }] = await Promise.all([getTranslations("consoleConnectors"), consoleTranslator()]);
  const fromEnv = t("fromEnv", { label: envConnector.label });

  return (
    <ConsolePage title={t("title")} lead={t("lead")}>
      {query.saved === "1" && active?.source === "console" ? (
        <div className="alert alert-ok" role="status">
          {t("saved", { label: active.label })}
        </div>
      ) : null}
      {query.deleted === "1" ? (
        <div className="alert alert-ok" role="status">
          {t("deleted", { connector: fromEnv })}
        </div>
      ) : null}
      {problem ? (
        <div className="alert alert-error" role="alert">
          {tr(problem)}
        </div>
      ) : null}

      {devFallback ? <DevMailboxEmptyState t={t} /> : active ? <ActiveConnector overview={overview} active={active} t={t} locale={locale} /> : null}

      <p className="precedence">{t.rich("precedence", { code: (chunks) => <code>{chunks}</code> })}</p>

      {active?.source === "console" ? (
        <div className="stack">
          <div className="button-row">
            <Link className="button button-inline" href={`/console/connectors/setup/${active.id}`}>
              {t("edit")}
            </Link>
            <Link className="button button-inline button-secondary" href="/console/connectors/new">
              {t("change")}
            </Link>
          </div>
          <DeleteConnectorForm action={deleteConnectorAction} label={active.label} fallback={fromEnv} />
        </div>
      ) : !devFallback ? (
        <div className="button-row">
          <Link className="button button-inline" href="/console/connectors/new">
            {t("setUpInConsole")}
          </Link>
        </div>
      ) : null}
    </ConsolePage>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"consoleConnectors">>>;

function DevMailboxEmptyState({ t }: { t: Translate }) {
  return (
    <section className="card empty-state stack" aria-label={t("current")}>
      <ProviderLogo id="dev" size={48} />
      <h2>{t("noneTitle")}</h2>
      <p>{t.rich("noneLead", { link: (chunks) => <Link href="/dev/mailbox">{chunks}</Link> })}</p>
      <div>
        <Link className="button button-inline" href="/console/connectors/new">
          {t("setUp")}
        </Link>
      </div>
    </section>
  );
}

type Active = NonNullable<ConnectorOverview["active"]>;

function ActiveConnector({ overview, active, t, locale }: { overview: ConnectorOverview; active: Active; t: Translate; locale: string }) {
  const { stats } = overview;
  return (
    <section className="card stack" aria-label={t("current")}>
      <div className="provider-heading">
        <ProviderLogo id={active.id} size={48} />
        <h2>{active.label}</h2>
        <DeliverabilityBadge />
      </div>
      <dl className="facts">
        <div>
          <dt>{t("facts.source")}</dt>
          <dd>
            {active.source === "console" ? t("facts.sourceConsole") : t("facts.sourceEnv", { id: active.id })}
            {active.updatedAt ? (
              <>
                {t("facts.savedAt")}
                <TimeAgo date={active.updatedAt} locale={locale} />
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t("facts.from")}</dt>
          <dd>{active.fromName ? `${active.fromName} <${active.fromAddress}>` : active.fromAddress}</dd>
        </div>
        <div>
          <dt>{t("facts.lastSent")}</dt>
          <dd>{stats.lastSentAt ? <TimeAgo date={stats.lastSentAt} locale={locale} /> : t("facts.noneYet")}</dd>
        </div>
        <div>
          <dt>{t("facts.sent24h")}</dt>
          <dd>{stats.sent24h}</dd>
        </div>
        <div>
          <dt>{t("facts.failed24h")}</dt>
          <dd>{stats.failed24h}</dd>
        </div>
        <div>
          <dt>{t("facts.failureRate")}</dt>
          <dd>{stats.failureRate24h === null ? t("facts.noSends") : formatRate(stats.failureRate24h)}</dd>
        </div>
        <div>
          <dt>{t("facts.retrying")}</dt>
          <dd>
            <Link href="/console/deliveries?status=failed">
              {t("facts.messages", { count: stats.retrying })}
            </Link>
          </dd>
        </div>
      </dl>
    </section>
  );
}

function formatRate(rate: number): string {
  const percent = rate * 100;
  return `${percent === 0 || percent === 100 ? percent.toFixed(0) : percent.toFixed(1)}%`;
}
