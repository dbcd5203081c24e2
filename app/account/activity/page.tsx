import type { Metadata } from "next";
import { TimeAgo } from "@/components/console/time-ago";
import { listEvents } from "@/lib/account/audit";
import { requireAccountUser } from "../guard";

export const metadata: Metadata = { title: "Security activity" };

const LIMIT = 50;

export default async function ActivityPage() {
  const user = await requireAccountUser();
  const events = await listEvents(user.id, LIMIT);
  return (
    <div className="stack account-page">
      <header>
        <h1>Security activity</h1>
        <p className="muted">
          The last {LIMIT} sign-ins and security changes on your account. If something here wasn&apos;t you, change your password and
          sign out your other sessions.
        </p>
      </header>
      {events.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <div className="account-table-scroll">
          <table className="table">
            <caption className="account-sr-only">Security activity, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Device</th>
                <th scope="col">IP address</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id} className={event.type.endsWith("_failed") ? "account-activity-failed" : undefined}>
                  <td><TimeAgo date={event.createdAt} /></td>
                  <td>{event.label}</td>
                  <td>{event.device}</td>
                  <td>{event.ip ?? "Unknown"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
