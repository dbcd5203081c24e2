import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/account/action-button";
import { StepUpPrompt } from "@/components/account/step-up-prompt";
import { AuthForm } from "@/components/auth-form";
import { consoleMetadata } from "@/components/console/console-metadata";
import { FormAlert } from "@/components/field";
import { requireAdmin } from "@/lib/auth/admin";
import { getOwnerId, listAdmins, type AdminEntry } from "@/lib/auth/roles";
import { hasFreshStepUp } from "@/app/account/guard";
import { grantAdminAction, removeAdminAction, transferOwnershipAction } from "./actions";
import { doneKey } from "./done";
import { ConsolePage } from "@/components/console/console-page";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("admins");

type Translate = Awaited<ReturnType<typeof getTranslations<"consoleAdmins">>>;

const roleOf = (entry: AdminEntry, t: Translate) =>
  [entry.owner ? t("roles.owner") : null, entry.role ? t("roles.admin") : null, entry.fromEnv ? "ADMIN_EMAILS" : null, entry.userId ? null : t("roles.noAccount")]
    .filter(Boolean)
    .join(" · ");

/** Who runs this install. Everyone here may use the console; only the owner changes the list. */
export default async function AdminsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const admin = await requireAdmin();
  const [admins, ownerId, fresh, { done }, t] = await Promise.all([listAdmins(), getOwnerId(), hasFreshStepUp(admin), searchParams, getTranslations("consoleAdmins")]);
  const change = doneKey(done);
  const isOwner = ownerId === admin.id;
  const canChange = isOwner && fresh;
  return (
    <ConsolePage title={t("title")} lead={t("lead")}>
      <FormAlert message={change && t(`done.${change}`)} />
      <table className="table">
        <thead>
          <tr><th scope="col">{t("columns.email")}</th><th scope="col">{t("columns.role")}</th>{canChange ? <th scope="col">{t("columns.change")}</th> : null}</tr>
        </thead>
        <tbody>
          {admins.map((entry) => (
            <tr key={entry.email}>
              <td>{entry.email}</td>
              <td>{roleOf(entry, t)}</td>
              {canChange ? <td className="stack">{changes(entry, admin.id, t)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      <section className="stack" aria-labelledby="add-admin">
        <h2 id="add-admin">{t("addTitle")}</h2>
        {!isOwner ? (
          <p className="muted">{t("ownerOnly")}</p>
        ) : fresh ? (
          <AuthForm action={grantAdminAction} fields={[{ name: "email", label: t("emailLabel"), type: "email", autoComplete: "off" }]} submitLabel={t("makeAdmin")} pendingLabel={t("saving")} />
        ) : (
          <StepUpPrompt next="/console/admins" task={t("stepUpTask")} />
        )}
      </section>
    </ConsolePage>
  );
}

function changes(entry: AdminEntry, selfId: string, t: Translate) {
  if (!entry.userId || entry.userId === selfId) return null;
  const hidden = { userId: entry.userId };
  return (
    <>
      <ActionButton action={transferOwnershipAction} label={t("makeOwner")} detail={entry.email} hidden={hidden} variant="secondary" pendingLabel={t("handingOver")} />
      {entry.role ? <ActionButton action={removeAdminAction} label={t("removeAdmin")} detail={entry.email} hidden={hidden} variant="danger" pendingLabel={t("removing")} /> : null}
    </>
  );
}
