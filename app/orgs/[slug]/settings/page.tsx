import type { Metadata } from "next";
import { ConfirmByTypingForm } from "@/components/account/confirm-by-typing-form";
import { StepUpPrompt } from "@/components/account/step-up-prompt";
import { FormAlert } from "@/components/field";
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
        <header>
          <h2 id="delete">Delete organization</h2>
          <p className="muted">
            This removes {organization.name} for everyone: its members lose access and pending invitations stop working. It can&apos;t be undone.
          </p>
        </header>
        {!mayDelete ? (
          <p className="muted" style={{ margin: 0 }}>Only an owner can delete the organization.</p>
        ) : fresh ? (
          <ConfirmByTypingForm
            action={deleteOrganizationAction.bind(null, organization.slug)}
            // Its own id: the settings form above has a "name" field too.
            id="delete-org-name"
            name="name"
            label={`Type the organization's name (${organization.name}) to confirm`}
            submitLabel="Delete organization"
            pendingLabel="Deleting…"
          />
        ) : (
          <StepUpPrompt next={page} task="delete the organization" />
        )}
      </section>
    </div>
  );
}
