import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CreateOrgForm } from "@/components/orgs/create-org-form";
import { requireAccountUser } from "@/lib/auth/require-user";
import { createOrganizationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orgs"))("create") };
}

export default async function NewOrgPage() {
  await requireAccountUser();
  const [t, lead] = await Promise.all([getTranslations("orgs"), getTranslations("orgNew")]);
  return (
    <div className="stack account-page account-narrow">
      <header>
        <p className="breadcrumbs"><Link href="/orgs">{t("title")}</Link></p>
        <h1>{t("create")}</h1>
        <p className="muted">{lead("lead")}</p>
      </header>
      <CreateOrgForm action={createOrganizationAction} />
    </div>
  );
}
