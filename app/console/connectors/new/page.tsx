import type { Metadata } from "next";
import { consoleMetadata } from "@/components/console/console-metadata";
import Link from "next/link";
import { ProviderLogo } from "@/components/console/provider-logo";
import { requireAdmin } from "@/lib/auth/admin";
import { CONNECTOR_IDS, connectors } from "@/lib/connectors/registry";
import { getConnectorOverview } from "@/lib/connectors/store";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("Choose an email provider");

export default async function NewConnectorPage() {
  await requireAdmin();
  const { active } = await getConnectorOverview();
  // The dev mailbox is for trying things out: listed last, and labelled so.
  const ids = [...CONNECTOR_IDS.filter((id) => id !== "dev"), ...CONNECTOR_IDS.filter((id) => id === "dev")];
  return (
    <div className="stack console-page">
      <p className="breadcrumbs">
        <Link href="/console/connectors">Email connector</Link> / Choose a provider
      </p>
      <header>
        <h1>Choose an email provider</h1>
        <p className="muted">
          Next you enter its settings, send a test email, and save. Nothing changes for your users until you save.
        </p>
      </header>
      <ul className="provider-grid">
        {ids.map((id) => {
          const connector = connectors[id];
          return (
            <li key={id} className="card provider-card">
              <ProviderLogo id={id} />
              <h2>
                <Link href={`/console/connectors/setup/${id}`}>{connector.label}</Link>
              </h2>
              <p className="muted">{connector.description}</p>
              <p className="badges">
                {id === "dev" ? <span className="badge badge-warn">For development</span> : null}
                {active?.source === "console" && active.id === id ? <span className="badge">Current</span> : null}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
