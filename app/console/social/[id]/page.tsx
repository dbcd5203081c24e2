import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { consoleTranslator } from "@/components/console/console-locale";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/account/action-button";
import { consoleMetadata } from "@/components/console/console-metadata";
import { SocialSetup } from "@/components/console/social-setup";
import { requireAdmin } from "@/lib/auth/admin";
import { getSocialFormStart, listSocialConnectors } from "@/lib/social/store";
import { deleteSocialAction, socialFormAction } from "../actions";

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("editSocial");

export default async function EditSocialConnectorPage({ params }: Props) {
  await requireAdmin();
  const { id } = await params;
  const summary = (await listSocialConnectors()).find((c) => c.id === id);
  if (!summary) notFound();
  const start = await getSocialFormStart({ editing: id });
  if (!start) notFound();
  const [t, { tr }] = await Promise.all([getTranslations("consoleSocial"), consoleTranslator()]);
  return (
    <div className="stack console-page">
      <p className="breadcrumbs">
        <Link href="/console/social">{t("title")}</Link> / {summary.name}
      </p>
      {summary.problem ? (
        <div className="alert alert-error" role="alert">
          {t("problem", { problem: tr(summary.problem) })}
        </div>
      ) : null}
      <SocialSetup providerId={summary.providerId} start={start} editing action={socialFormAction} />
      <details className="danger-zone">
        <summary>{t("delete")}</summary>
        <div className="stack">
          <p>{t.rich("deleteConfirm", { name: summary.name, count: summary.identities, id: summary.id, code: (chunks) => <code>{chunks}</code> })}</p>
          <ActionButton action={deleteSocialAction} label={t("deleteButton")} hidden={{ id: summary.id }} variant="danger" pendingLabel={t("deleting")} />
        </div>
      </details>
    </div>
  );
}
