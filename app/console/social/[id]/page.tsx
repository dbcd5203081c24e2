import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/account/action-button";
import { consoleMetadata } from "@/components/console/console-metadata";
import { SocialSetup } from "@/components/console/social-setup";
import { requireAdmin } from "@/lib/auth/admin";
import { getSocialFormStart, listSocialConnectors } from "@/lib/social/store";
import { deleteSocialAction, socialFormAction } from "../actions";

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("Edit social connector");

export default async function EditSocialConnectorPage({ params }: Props) {
  await requireAdmin();
  const { id } = await params;
  const summary = (await listSocialConnectors()).find((c) => c.id === id);
  if (!summary) notFound();
  const start = await getSocialFormStart({ editing: id });
  if (!start) notFound();
  const linked = summary.identities === 1 ? "1 account is" : `${summary.identities} accounts are`;
  return (
    <div className="stack console-page">
      <p className="breadcrumbs">
        <Link href="/console/social">Social sign-in</Link> / {summary.name}
      </p>
      {summary.problem ? (
        <div className="alert alert-error" role="alert">
          This connector can&apos;t be used: {summary.problem} Enter its client secret again and save.
        </div>
      ) : null}
      <SocialSetup providerId={summary.providerId} start={start} editing action={socialFormAction} />
      <details className="danger-zone">
        <summary>Delete</summary>
        <div className="stack">
          <p>
            Delete {summary.name}? Its button leaves the sign-in page at once. {linked} linked through it: the links are kept, and adding a
            connector with the ID <code>{summary.id}</code> again brings their sign-in back.
          </p>
          <ActionButton action={deleteSocialAction} label="Yes, delete this connector" hidden={{ id: summary.id }} variant="danger" pendingLabel="Deleting…" />
        </div>
      </details>
    </div>
  );
}
