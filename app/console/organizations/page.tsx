import type { Metadata } from "next";
import Link from "next/link";
import { consoleMetadata } from "@/components/console/console-metadata";
import { Timestamp } from "@/components/deliveries/timestamp";
import { requireAdmin } from "@/lib/auth/admin";
import { listOrganizationsForConsole } from "@/lib/orgs/console-list-organizations";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("Organizations");

/** Every organization on this install, newest first, with what may need an operator's eye: invitations whose email did not go out. */
export default async function OrganizationsPage() {
  const admin = await requireAdmin();
  const listed = await listOrganizationsForConsole(admin);
  // requireAdmin let them in, so the lib's own admin check passes too.
  if (!listed.ok) throw new Error(listed.formError);
  const { organizations, total } = listed.value;
  return (
    <div className="stack console-page">
      <header>
        <h1>Organizations</h1>
        <p className="muted">
          Every organization on this Mailgate. Open one to see its members and invitations; you can revoke an invitation or remove a member
          there. &ldquo;Failed emails&rdquo; counts invitations whose latest email failed or was given up in the outbox (see Deliveries).
        </p>
      </header>
      {organizations.length === 0 ? (
        <p className="card">No organizations yet. They appear here as soon as someone creates one.</p>
      ) : (
        <table className="table console-organizations">
          <caption>
            {total > organizations.length ? `The newest ${organizations.length} of ${total} organizations` : `${total} organization${total === 1 ? "" : "s"}`}, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Organization</th>
              <th scope="col">URL name</th>
              <th scope="col">Members</th>
              <th scope="col">Pending invitations</th>
              <th scope="col">Failed emails</th>
              <th scope="col">Created (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((org) => (
              <tr key={org.id}>
                <th scope="row">
                  <Link href={`/console/organizations/${encodeURIComponent(org.id)}`}>{org.name}</Link>
                </th>
                <td>{org.slug}</td>
                <td>{org.memberCount}</td>
                <td>{org.pendingInvitations}</td>
                <td>{org.failedInvitationEmails > 0 ? <strong className="console-warning">{org.failedInvitationEmails}</strong> : 0}</td>
                <td>
                  <Timestamp date={org.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
