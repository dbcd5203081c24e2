import type { Metadata } from "next";
import { StepUpPrompt } from "@/components/account/step-up-prompt";
import { FormAlert } from "@/components/field";
import { DeleteOrgForm } from "@/components/orgs/delete-org-form";
import { OrgSettingsForm } from "@/components/orgs/org-settings-form";
import { can } from "@/lib/orgs/permissions";
import { requireOrgRole } from "@/lib/orgs/require-org-role";
import { hasFreshStepUp } from "@/app/account/guard";
import { doneMessage } from "../../done";
import { deleteOrganizationAction, updateOrganizationAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string }> };

/** Owners and admins edit the organization; only an owner deletes it, after "Confirm it's you" and typing its name. */
export default async function OrgSettingsPage({ params, searchParams }: Props) {
  const [{ slug }, { done }] = await Promise.all([params, searchParams]);
  const { user, organization, role } = await requireOrgRole(slug, "admin");
  const mayDelete = can(role, "delete_organization");
  const fresh = mayDelete && (await hasFreshStepUp(user));
  const page = `/orgs/${organization.slug}/settings`;
  return (
    <div className="stack account-page account-narrow">
      <FormAlert message={doneMessage(done)} />
      <section className="stack" aria-labelledby="settings">
        <h1 id="settings">Settings</h1>
        <OrgSettingsForm
          action={updateOrganizationAction.bind(null, organization.slug)}
          current={{ name: organization.name, slug: organization.slug, logoUrl: organization.logoUrl ?? "" }}
        />
      </section>
      <section className="stack" aria-labelledby="delete">
        <h2 id="delete">Delete organization</h2>
        <p className="muted">
          This removes {organization.name} for everyone: its members lose access and pending invitations stop working. It can&apos;t be undone.
        </p>
        {!mayDelete ? (
          <p className="muted">Only an owner can delete the organization.</p>
        ) : fresh ? (
          <DeleteOrgForm action={deleteOrganizationAction.bind(null, organization.slug)} name={organization.name} />
        ) : (
          <StepUpPrompt next={page} task="delete the organization" />
        )}
      </section>
    </div>
  );
}
