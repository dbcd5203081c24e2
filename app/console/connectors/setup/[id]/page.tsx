import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localizedProvider } from "@/components/console/localize-fields";
import Link from "next/link";
import { notFound } from "next/navigation";
import { consoleMetadata } from "@/components/console/console-metadata";
import { ConnectorForm } from "@/components/console/connector-form";
import { ProviderLogo } from "@/components/console/provider-logo";
import { requireAdmin } from "@/lib/auth/admin";
import { getConnectorGuide } from "@/lib/connectors/guide";
import { connectors, isConnectorId } from "@/lib/connectors/registry";
import { getConnectorOverview, getFormStart } from "@/lib/connectors/store";
import { connectorFormAction } from "./actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return isConnectorId(id) ? consoleMetadata("setUp", { label: connectors[id].label }) : consoleMetadata("setUpUnknown");
}

export default async function SetupConnectorPage({ params }: Props) {
  const admin = await requireAdmin();
  const { id } = await params;
  if (!isConnectorId(id)) notFound();
  const [connector, t] = await Promise.all([localizedProvider(id, connectors[id]), getTranslations("consoleConnectors")]);
  const [start, guide, { active }] = await Promise.all([getFormStart(id), getConnectorGuide(id), getConnectorOverview()]);
  const editing = active?.source === "console" && active.id === id;

  return (
    <div className="stack console-page">
      <p className="breadcrumbs">
        <Link href="/console/connectors">{t("title")}</Link> / <Link href="/console/connectors/new">{t("chooseShort")}</Link> / {connector.label}
      </p>
      <header className="provider-heading">
        <ProviderLogo id={id} size={48} />
        <div>
          <h1>{editing ? t("editTitle", { label: connector.label }) : t("setUpTitle", { label: connector.label })}</h1>
          <p className="muted">{connector.description}</p>
        </div>
      </header>
      {active?.source === "console" && !editing ? (
        <div className="alert alert-warn" role="note">
          {t("replaces", { label: active.label })}
        </div>
      ) : null}
      <div className="setup-columns">
        <div className="card">
          <ConnectorForm
            action={connectorFormAction}
            connectorId={id}
            label={connector.label}
            fields={connector.fields}
            start={start}
            defaultTestTo={admin.email}
          />
        </div>
        <aside className="card guide" aria-label={t("guideLabel", { label: connector.label })} tabIndex={0}>
          {guide ? (
            // Rendered on the server from our own README, with raw HTML escaped (lib/connectors/guide.ts).
            <div dangerouslySetInnerHTML={{ __html: guide }} />
          ) : (
            <p className="muted">{t("noGuide")}</p>
          )}
        </aside>
      </div>
    </div>
  );
}
