import type { Metadata } from "next";
import Link from "next/link";
import { CreateOrgForm } from "@/components/orgs/create-org-form";
import { requireAccountUser } from "@/lib/auth/require-user";
import { createOrganizationAction } from "./actions";

export const metadata: Metadata = { title: "Create organization" };

export default async function NewOrgPage() {
  await requireAccountUser();
  return (
    <div className="stack account-page account-narrow">
      <header>
        <p className="breadcrumbs"><Link href="/orgs">Organizations</Link></p>
        <h1>Create organization</h1>
        <p className="muted">You&apos;ll be its owner, and can invite people once it exists.</p>
      </header>
      <CreateOrgForm action={createOrganizationAction} />
    </div>
  );
}
