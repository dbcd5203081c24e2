import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { consoleMetadata } from "@/components/console/console-metadata";
import { SocialSetup } from "@/components/console/social-setup";
import { requireAdmin } from "@/lib/auth/admin";
import { socialProviders } from "@/lib/social/registry";
import { getSocialFormStart } from "@/lib/social/store";
import { isSocialProviderId } from "@/lib/social/types";
import { socialFormAction } from "../../actions";

type Props = { params: Promise<{ provider: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { provider } = await params;
  return isSocialProviderId(provider) ? consoleMetadata("addProvider", { label: socialProviders[provider].label }) : consoleMetadata("addSocial");
}

export default async function AddSocialConnectorPage({ params }: Props) {
  await requireAdmin();
  const { provider } = await params;
  if (!isSocialProviderId(provider)) notFound();
  const start = await getSocialFormStart({ providerId: provider });
  if (!start) notFound();
  const t = await getTranslations("consoleSocial");
  return (
    <div className="stack console-page">
      <p className="breadcrumbs">
        <Link href="/console/social">{t("title")}</Link> / <Link href="/console/social/new">{t("addProvider")}</Link> / {socialProviders[provider].label}
      </p>
      <SocialSetup providerId={provider} start={start} editing={false} action={socialFormAction} />
    </div>
  );
}
