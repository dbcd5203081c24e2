import { ActionButton } from "@/components/account/action-button";
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/account/local-time";
import type { MemberListItem } from "@/lib/orgs/list-members";
import { assignableRoles, canManage, type OrgRole } from "@/lib/orgs/permissions";
import type { ActionState } from "@/lib/result";
import { RoleForm } from "./role-form";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
type Props = { members: MemberListItem[]; viewerRole: OrgRole; changeRole: Action; remove: Action };

export const memberName = (m: Pick<MemberListItem, "name" | "email">) => m.name || m.email;

/** Members with role and join date; the viewer gets controls only for the members their role may manage (canManage). */
export async function MembersTable({ members, viewerRole, changeRole, remove }: Props) {
  const [t, roles, account] = await Promise.all([getTranslations("orgMembers"), getTranslations("orgRoles"), getTranslations("account")]);
  const managesAny = members.some((m) => !m.isYou && canManage(viewerRole, m.role));
  return (
    <div className="account-table-scroll">
      <table className="table">
        <caption className="account-sr-only">{t("title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("member")}</th>
            <th scope="col">{t("role")}</th>
            <th scope="col">{t("joined")}</th>
            {managesAny ? <th scope="col"><span className="account-sr-only">{account("actions")}</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId}>
              <td>
                {member.name ? <>{member.name}<br /></> : null}
                <span className={member.name ? "muted" : undefined}>{member.email}</span> {member.isYou ? <span className="badge">{t("you")}</span> : null}
              </td>
              <td>{roles(member.role)}</td>
              <td><LocalTime date={member.joinedAt} /></td>
              {managesAny ? (
                <td>
                  {!member.isYou && canManage(viewerRole, member.role) ? (
                    <div className="org-row-actions">
                      <RoleForm action={changeRole} userId={member.userId} who={memberName(member)} role={member.role} roles={assignableRoles(viewerRole)} />
                      <ActionButton action={remove} hidden={{ userId: member.userId }} label={t("remove")} detail={memberName(member)} pendingLabel={t("removing")} variant="danger" />
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
