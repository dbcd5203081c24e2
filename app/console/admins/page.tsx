import type { Metadata } from "next";
import { ActionButton } from "@/components/account/action-button";
import { StepUpPrompt } from "@/components/account/step-up-prompt";
import { AuthForm } from "@/components/auth-form";
import { consoleMetadata } from "@/components/console/console-metadata";
import { FormAlert } from "@/components/field";
import { requireAdmin } from "@/lib/auth/admin";
import { getOwnerId, listAdmins, type AdminEntry } from "@/lib/auth/roles";
import { hasFreshStepUp } from "@/app/account/guard";
import { grantAdminAction, removeAdminAction, transferOwnershipAction } from "./actions";
import { doneMessage } from "./done";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("Admins");

const roleOf = (entry: AdminEntry) =>
  [entry.owner ? "Owner" : null, entry.role ? "Admin" : null, entry.fromEnv ? "ADMIN_EMAILS" : null, entry.userId ? null : "no account yet"]
    .filter(Boolean)
    .join(" · ");

/** Who runs this install. Everyone here may use the console; only the owner changes the list. */
export default async function AdminsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const admin = await requireAdmin();
  const [admins, ownerId, fresh, { done }] = await Promise.all([listAdmins(), getOwnerId(), hasFreshStepUp(admin), searchParams]);
  const isOwner = ownerId === admin.id;
  const canChange = isOwner && fresh;
  return (
    <div className="stack console-page">
      <header>
        <h1>Admins</h1>
        <p className="muted">
          The owner and the admins can use this console. The owner decides who is an admin and can hand ownership over to another
          admin; the owner&apos;s account can&apos;t be deleted until they do. Addresses in ADMIN_EMAILS are admins too: change those
          in the server&apos;s environment.
        </p>
      </header>
      <FormAlert message={doneMessage(done)} />
      <table className="table">
        <thead>
          <tr><th scope="col">Email</th><th scope="col">Role</th>{canChange ? <th scope="col">Change</th> : null}</tr>
        </thead>
        <tbody>
          {admins.map((entry) => (
            <tr key={entry.email}>
              <td>{entry.email}</td>
              <td>{roleOf(entry)}</td>
              {canChange ? <td className="stack">{changes(entry, admin.id)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      <section className="stack" aria-labelledby="add-admin">
        <h2 id="add-admin">Make an account an admin</h2>
        {!isOwner ? (
          <p className="muted">Only the owner can change who is an admin.</p>
        ) : fresh ? (
          <AuthForm action={grantAdminAction} fields={[{ name: "email", label: "Email of an existing account", type: "email", autoComplete: "off" }]} submitLabel="Make admin" pendingLabel="Saving…" />
        ) : (
          <StepUpPrompt next="/console/admins" task="change who is an admin" />
        )}
      </section>
    </div>
  );
}

function changes(entry: AdminEntry, selfId: string) {
  if (!entry.userId || entry.userId === selfId) return null;
  const hidden = { userId: entry.userId };
  return (
    <>
      <ActionButton action={transferOwnershipAction} label="Make owner" detail={entry.email} hidden={hidden} variant="secondary" pendingLabel="Handing over…" />
      {entry.role ? <ActionButton action={removeAdminAction} label="Remove admin" detail={entry.email} hidden={hidden} variant="danger" pendingLabel="Removing…" /> : null}
    </>
  );
}
