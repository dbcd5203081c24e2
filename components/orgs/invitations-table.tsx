import { ActionButton } from "@/components/account/action-button";
import { CountFilters } from "@/components/count-filters";
import { TimeAgo } from "@/components/console/time-ago";
import { StatusBadge } from "@/components/deliveries/status-badge";
import type { InvitationStatus } from "@/lib/orgs/invitation-rules";
import type { InvitationListItem } from "@/lib/orgs/list-invitations";
import { ROLE_LABELS } from "@/lib/orgs/permissions";
import type { ActionState } from "@/lib/result";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export const INVITATION_STATUSES: readonly InvitationStatus[] = ["pending", "expired", "revoked", "accepted", "declined"];
/** "Pending", "Expired", …: the status itself, capitalised (one wording for the organization's page and the console). */
export const invitationStatusLabel = (status: InvitationStatus): string => status.charAt(0).toUpperCase() + status.slice(1);

export const isInvitationStatus = (value: unknown): value is InvitationStatus => INVITATION_STATUSES.includes(value as InvitationStatus);

/** Counts per status, each a link that filters the list (the deliveries page's look). */
export function InvitationFilters({ base, items, current }: { base: string; items: InvitationListItem[]; current?: InvitationStatus }) {
  const filters = [
    { key: "all", label: "All", count: items.length, href: base, current: !current },
    ...INVITATION_STATUSES.map((status) => ({
      key: status, label: invitationStatusLabel(status), count: items.filter((i) => i.status === status).length, href: `${base}?status=${status}`, current: current === status,
    })),
  ];
  return <CountFilters label="Invitations by status" items={filters} />;
}

/** Each invitation with its state, the delivery of its latest email (from the outbox), and Resend / Revoke where they apply. */
export function InvitationsTable({ items, resend, revoke }: { items: InvitationListItem[]; resend: Action; revoke: Action }) {
  if (items.length === 0) return <p className="muted">No invitations here.</p>;
  return (
    <div className="account-table-scroll">
      <table className="table">
        <caption className="account-sr-only">Invitations, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Email delivery</th>
            <th scope="col">Sent</th>
            <th scope="col"><span className="account-sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>{item.email}<br /><span className="muted">by {item.invitedBy ?? "a deleted account"}</span></td>
              <td>{ROLE_LABELS[item.role]}</td>
              <td>
                {invitationStatusLabel(item.status)}
                {item.status === "pending" || item.status === "expired" ? (
                  <><br /><span className="muted">{item.status === "pending" ? "expires" : "expired"} <TimeAgo date={item.expiresAt} /></span></>
                ) : null}
              </td>
              <td>{item.delivery ? <StatusBadge status={item.delivery} /> : <span className="muted">None</span>}</td>
              <td>{item.sendCount}×{item.lastSentAt ? <><br /><TimeAgo date={item.lastSentAt} /></> : null}</td>
              <td>
                <div className="org-row-actions">
                  {item.resendInSeconds === 0 ? (
                    <ActionButton action={resend} hidden={{ invitationId: item.id }} label="Resend" detail={`the invitation to ${item.email}`} pendingLabel="Sending…" variant="secondary" />
                  ) : item.resendInSeconds ? (
                    <span className="muted">Resend in {item.resendInSeconds}s</span>
                  ) : null}
                  {item.status === "pending" || item.status === "expired" ? (
                    <ActionButton action={revoke} hidden={{ invitationId: item.id }} label="Revoke" detail={`the invitation to ${item.email}`} pendingLabel="Revoking…" variant="danger" />
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
