import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConfirmByTypingForm } from "@/components/account/confirm-by-typing-form";
import { StepUpPrompt } from "@/components/account/step-up-prompt";
import { FormAlert } from "@/components/field";
import { OrgSettingsForm } from "@/components/orgs/org-settings-form";
import { can } from "@/lib/orgs/permissions";
import { requireOrgRole } from "@/lib/orgs/require-org-role";
import { hasFreshStepUp } from "@/app/account/guard";
import { doneMessage } from "../../done";
import { deleteOrganizationAction, updateOrganizationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orgSettings"))("title") };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string }> };

/** Owners and admins edit the organization; only an owner deletes it, after "Confirm it's you" and typing its name. */
export default async function OrgSettingsPage({ params, searchParams }: Props) {
  const [{ slug }, { done }, t] = await Promise.all([params, searchParams, getTranslations("orgSettings")]);
  const { user, organization, role } = await requireOrgRole(slug, "admin");
  const mayDelete = can(role, "delete_organization");
  const fresh = mayDelete && (await hasFreshStepUp(user));
  const page = `/orgs/${organization.slug}/settings`;
  return (
    <div className="stack account-page account-narrow">
      <FormAlert message={await doneMessage(done)} />
      <section className="stack" aria-labelledby="settings">
        <h1 id="settings">{t("title")}</h1>
        <OrgSettingsForm
          action={updateOrganizationAction.bind(null, organization.slug)}
          current={{ name: organization.name, slug: organization.slug, logoUrl: organization.logoUrl ?? "" }}
        />
      </section>
      <section className="stack" aria-labelledby="delete">
        <header>
          <h2 id="delete">{t("deleteTitle")}</h2>
          <p className="muted">{t("deleteLead", { org: organization.name })}</p>
        </header>
        {!mayDelete ? (
          <p className="muted" style={{ margin: 0 }}>{t("onlyOwner")}</p>
        ) : fresh ? (
          <ConfirmByTypingForm
            action={deleteOrganizationAction.bind(null, organization.slug)}
            // Its own id: the settings form above has a "name" field too.
            id="delete-org-name"
            name="name"
            label={t("confirmLabel", { org: organization.name })}
            submitLabel={t("delete")}
            pendingLabel={t("deleting")}
          />
        ) : (
          <StepUpPrompt next={page} task={t("task")} />
        )}
      </section>
    </div>
  );
}
