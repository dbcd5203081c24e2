import type { Metadata } from "next";
import { consoleMetadata } from "@/components/console/console-metadata";
import Link from "next/link";
import { DeleteConnectorForm } from "@/components/console/delete-connector-form";
import { ProviderLogo } from "@/components/console/provider-logo";
import { TimeAgo } from "@/components/console/time-ago";
import { DeliverabilityBadge } from "@/components/deliverability/failing-badge";
import { requireAdmin } from "@/lib/auth/admin";
import { getConnectorOverview, type ConnectorOverview } from "@/lib/connectors/store";
import { deleteConnectorAction } from "./actions";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("Email connector");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConnectorsPage({ searchParams }: Props) {
  await requireAdmin();
  const [overview, query] = await Promise.all([getConnectorOverview(), searchParams]);
  const { active, problem, envConnector } = overview;
  const devFallback = active?.source === "env" && active.id === "dev";

  return (
    <div className="stack console-page">
      <header>
        <h1>Email connector</h1>
        <p className="muted">The service every email goes through: sign-up and sign-in codes, password resets and security notices.</p>
      </header>

      {query.saved === "1" && active?.source === "console" ? (
        <div className="alert alert-ok" role="status">
          Email connector saved: {active.label}. New emails use it now.
        </div>
      ) : null}
      {query.deleted === "1" ? (
        <div className="alert alert-ok" role="status">
          Email connector deleted. Emails now go through {envConnector.label} (from environment variables).
        </div>
      ) : null}
      {problem ? (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      ) : null}

      {devFallback ? <DevMailboxEmptyState /> : active ? <ActiveConnector overview={overview} active={active} /> : null}

      <p className="precedence">
        A connector saved here takes precedence over the <code>EMAIL_CONNECTOR</code>/<code>SMTP_*</code> environment variables; delete it to fall
        back to them.
      </p>

      {active?.source === "console" ? (
        <div className="stack">
          <div className="button-row">
            <Link className="button button-inline" href={`/console/connectors/setup/${active.id}`}>
              Edit
            </Link>
            <Link className="button button-inline button-secondary" href="/console/connectors/new">
              Change email connector
            </Link>
          </div>
          <DeleteConnectorForm action={deleteConnectorAction} label={active.label} fallback={`${envConnector.label} (from environment variables)`} />
        </div>
      ) : !devFallback ? (
        <div className="button-row">
          <Link className="button button-inline" href="/console/connectors/new">
            Set up in the console
          </Link>
        </div>
      ) : null}
    </div>
  );
}

function DevMailboxEmptyState() {
  return (
    <section className="card empty-state stack" aria-label="Current email connector">
      <ProviderLogo id="dev" size={48} />
      <h2>No email connector set up</h2>
      <p>
        Emails go to the development mailbox at <Link href="/dev/mailbox">/dev/mailbox</Link>: nothing reaches a real inbox. Set up an
        email provider before real people sign up.
      </p>
      <div>
        <Link className="button button-inline" href="/console/connectors/new">
          Set up
        </Link>
      </div>
    </section>
  );
}

type Active = NonNullable<ConnectorOverview["active"]>;

function ActiveConnector({ overview, active }: { overview: ConnectorOverview; active: Active }) {
  const { stats } = overview;
  return (
    <section className="card stack" aria-label="Current email connector">
      <div className="provider-heading">
        <ProviderLogo id={active.id} size={48} />
        <h2>{active.label}</h2>
        <DeliverabilityBadge />
      </div>
      <dl className="facts">
        <div>
          <dt>Source</dt>
          <dd>
            {active.source === "console" ? "Set up in the console" : `From environment variables (EMAIL_CONNECTOR=${active.id})`}
            {active.updatedAt ? (
              <>
                {", saved "}
                <TimeAgo date={active.updatedAt} />
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>From address</dt>
          <dd>{active.fromName ? `${active.fromName} <${active.fromAddress}>` : active.fromAddress}</dd>
        </div>
        <div>
          <dt>Last successful send</dt>
          <dd>{stats.lastSentAt ? <TimeAgo date={stats.lastSentAt} /> : "None yet"}</dd>
        </div>
        <div>
          <dt>Sent in the last 24 h</dt>
          <dd>{stats.sent24h}</dd>
        </div>
        <div>
          <dt>Failed in the last 24 h</dt>
          <dd>{stats.failed24h}</dd>
        </div>
        <div>
          <dt>Failure rate (24 h)</dt>
          <dd>{formatRate(stats.failureRate24h)}</dd>
        </div>
        <div>
          <dt>Waiting for retry</dt>
          <dd>
            <Link href="/console/deliveries?status=failed">
              {stats.retrying} {stats.retrying === 1 ? "message" : "messages"}
            </Link>
          </dd>
        </div>
      </dl>
    </section>
  );
}

function formatRate(rate: number | null): string {
  if (rate === null) return "No sends in the last 24 h";
  const percent = rate * 100;
  return `${percent === 0 || percent === 100 ? percent.toFixed(0) : percent.toFixed(1)}%`;
}
