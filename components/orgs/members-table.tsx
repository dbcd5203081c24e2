import { ActionButton } from "@/components/account/action-button";
import { TimeAgo } from "@/components/console/time-ago";
import type { MemberListItem } from "@/lib/orgs/list-members";
import { assignableRoles, canManage, ROLE_LABELS, type OrgRole } from "@/lib/orgs/permissions";
import type { ActionState } from "@/lib/result";
import { RoleForm } from "./role-form";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
type Props = { members: MemberListItem[]; viewerRole: OrgRole; changeRole: Action; remove: Action };

export const memberName = (m: Pick<MemberListItem, "name" | "email">) => m.name || m.email;

/** Members with role and join date; the viewer gets controls only for the members their role may manage (canManage). */
export function MembersTable({ members, viewerRole, changeRole, remove }: Props) {
  const managesAny = members.some((m) => !m.isYou && canManage(viewerRole, m.role));
  return (
    <div className="account-table-scroll">
      <table className="table">
        <caption className="account-sr-only">Members</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Role</th>
            <th scope="col">Joined</th>
            {managesAny ? <th scope="col"><span className="account-sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId}>
              <td>
                {member.name ? <>{member.name}<br /></> : null}
                <span className={member.name ? "muted" : undefined}>{member.email}</span> {member.isYou ? <span className="badge">You</span> : null}
              </td>
              <td>{ROLE_LABELS[member.role]}</td>
              <td><TimeAgo date={member.joinedAt} /></td>
              {managesAny ? (
                <td>
                  {!member.isYou && canManage(viewerRole, member.role) ? (
                    <div className="org-row-actions">
                      <RoleForm action={changeRole} userId={member.userId} who={memberName(member)} role={member.role} roles={assignableRoles(viewerRole)} />
                      <ActionButton action={remove} hidden={{ userId: member.userId }} label="Remove" detail={memberName(member)} pendingLabel="Removing…" variant="danger" />
                    </div>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
