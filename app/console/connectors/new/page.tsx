import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localizedProvider } from "@/components/console/localize-fields";
import { consoleMetadata } from "@/components/console/console-metadata";
import Link from "next/link";
import { ProviderLogo } from "@/components/console/provider-logo";
import { requireAdmin } from "@/lib/auth/admin";
import { CONNECTOR_IDS, connectors } from "@/lib/connectors/registry";
import { getConnectorOverview } from "@/lib/connectors/store";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("chooseProvider");

export default async function NewConnectorPage() {
  await requireAdmin();
  const { active } = await getConnectorOverview();
  // The dev mailbox is for trying things out: listed last, and labelled so.
  const ids = [...CONNECTOR_IDS.filter((id) => id !== "dev"), ...CONNECTOR_IDS.filter((id) => id === "dev")];
  const t = await getTranslations("consoleConnectors");
  const providers = await Promise.all(ids.map((id) => localizedProvider(id, connectors[id])));
  return (
    <div className="stack console-page">
      <p className="breadcrumbs">
        <Link href="/console/connectors">{t("title")}</Link> / {t("chooseShort")}
      </p>
      <header>
        <h1>{t("chooseTitle")}</h1>
        <p className="muted">{t("chooseLead")}</p>
      </header>
      <ul className="provider-grid">
        {ids.map((id, i) => {
          const connector = providers[i]!;
          return (
            <li key={id} className="card provider-card">
              <ProviderLogo id={id} />
              <h2>
                <Link href={`/console/connectors/setup/${id}`}>{connector.label}</Link>
              </h2>
              <p className="muted">{connector.description}</p>
              <p className="badges">
                {id === "dev" ? <span className="badge badge-warn">{t("forDevelopment")}</span> : null}
                {active?.source === "console" && active.id === id ? <span className="badge">{t("currentBadge")}</span> : null}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
