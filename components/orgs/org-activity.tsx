import { TimeAgo } from "@/components/console/time-ago";
import type { OrgActivityEvent } from "@/lib/orgs/list-organization-activity";

const person = (p: { name: string | null; email: string } | null) => (p ? (p.name ? `${p.name} (${p.email})` : p.email) : null);

/** The organization's activity (owners and admins): who did what, and whom or which address it concerned. */
export function OrgActivity({ events }: { events: OrgActivityEvent[] }) {
  if (events.length === 0) return <p className="muted">Nothing yet.</p>;
  return (
    <div className="account-table-scroll">
      <table className="table">
        <caption className="account-sr-only">Organization activity, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">About</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td><TimeAgo date={event.createdAt} /></td>
              <td>{person(event.actor) ?? <span className="muted">A deleted account</span>}</td>
              <td>{event.label}</td>
              <td>{person(event.target) ?? event.invitedEmail ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
