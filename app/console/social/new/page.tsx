import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localizedProvider } from "@/components/console/localize-fields";
import Link from "next/link";
import { consoleMetadata } from "@/components/console/console-metadata";
import { ProviderLogo } from "@/components/console/provider-logo";
import { requireAdmin } from "@/lib/auth/admin";
import { SOCIAL_PROVIDER_IDS, socialProviders } from "@/lib/social/registry";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("addSocial");

export default async function NewSocialConnectorPage() {
  await requireAdmin();
  const [t, providers] = await Promise.all([getTranslations("consoleSocial"), Promise.all(SOCIAL_PROVIDER_IDS.map((id) => localizedProvider(`social_${id}`, socialProviders[id])))]);
  return (
    <div className="stack console-page">
      <p className="breadcrumbs">
        <Link href="/console/social">{t("title")}</Link> / {t("addProvider")}
      </p>
      <header>
        <h1>{t("addTitle")}</h1>
        <p className="muted">{t("addLead")}</p>
      </header>
      <ul className="provider-grid">
        {SOCIAL_PROVIDER_IDS.map((id, i) => (
          <li key={id} className="card provider-card">
            <ProviderLogo id={id} />
            <h2>
              <Link href={`/console/social/new/${id}`}>{providers[i]!.label}</Link>
            </h2>
            <p className="muted">{providers[i]!.description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
