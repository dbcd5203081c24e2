import type { Metadata } from "next";
import Link from "next/link";
import { consoleMetadata } from "@/components/console/console-metadata";
import { ProviderLogo } from "@/components/console/provider-logo";
import { requireAdmin } from "@/lib/auth/admin";
import { SOCIAL_PROVIDER_IDS, socialProviders } from "@/lib/social/registry";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("Add a social provider");

export default async function NewSocialConnectorPage() {
  await requireAdmin();
  return (
    <div className="stack console-page">
      <p className="breadcrumbs">
        <Link href="/console/social">Social sign-in</Link> / Add a provider
      </p>
      <header>
        <h1>Add a social provider</h1>
        <p className="muted">Next you read its guide, enter the app&apos;s client ID and secret, test them, and save.</p>
      </header>
      <ul className="provider-grid">
        {SOCIAL_PROVIDER_IDS.map((id) => (
          <li key={id} className="card provider-card">
            <ProviderLogo id={id} />
            <h2>
              <Link href={`/console/social/new/${id}`}>{socialProviders[id].label}</Link>
            </h2>
            <p className="muted">{socialProviders[id].description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
