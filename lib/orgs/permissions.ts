/**
 * Who may do what in an organization: ONE table of role × action, and the
 * rules that depend on whom an action touches. Pure (no database), so pages
 * can use it to show only the buttons a member may press, and every lib
 * function checks the same table before it writes.
 *
 * Owners may be several; an organization with members always keeps at
 * least one (the last owner can neither leave nor be demoted or removed:
 * lib/orgs/lock-organization.ts makes that hold under concurrency).
 */
export const ORG_ROLES = ["owner", "admin", "member"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const isOrgRole = (value: unknown): value is OrgRole => (ORG_ROLES as readonly unknown[]).includes(value);

export const ORG_ACTIONS = [
  "view_members",
  "invite",
  "revoke_invitation",
  "resend_invitation",
  "view_invitations",
  "change_role",
  "remove_member",
  "update_settings",
  "delete_organization",
  "transfer_ownership",
  "view_audit",
  "leave",
] as const;
export type OrgAction = (typeof ORG_ACTIONS)[number];

// prettier-ignore
export const PERMISSIONS: Readonly<Record<OrgAction, Readonly<Record<OrgRole, boolean>>>> = {
  //                      owner        admin        member
  view_members:        { owner: true,  admin: true,  member: true },
  invite:              { owner: true,  admin: true,  member: false },
  revoke_invitation:   { owner: true,  admin: true,  member: false },
  resend_invitation:   { owner: true,  admin: true,  member: false },
  view_invitations:    { owner: true,  admin: true,  member: false },
  change_role:         { owner: true,  admin: true,  member: false },
  remove_member:       { owner: true,  admin: true,  member: false },
  update_settings:     { owner: true,  admin: true,  member: false },
  delete_organization: { owner: true,  admin: false, member: false },
  transfer_ownership:  { owner: true,  admin: false, member: false },
  view_audit:          { owner: true,  admin: true,  member: false },
  // The last owner is refused by lastOwnerRule, not by the table.
  leave:               { owner: true,  admin: true,  member: true },
};

export const can = (role: OrgRole, action: OrgAction): boolean => PERMISSIONS[action][role];

const RANK: Record<OrgRole, number> = { member: 0, admin: 1, owner: 2 };

/** True when `role` is `minimum` or above (owner > admin > member). */
export const atLeast = (role: OrgRole, minimum: OrgRole): boolean => RANK[role] >= RANK[minimum];

/** Roles `actor` may give (by invitation or role change): an admin never grants owner. */
export const assignableRoles = (actor: OrgRole): OrgRole[] => (actor === "owner" ? [...ORG_ROLES] : actor === "admin" ? ["admin", "member"] : []);

export const canAssign = (actor: OrgRole, role: OrgRole): boolean => assignableRoles(actor).includes(role);

/** Whether `actor` may change or remove a member with `target`'s role: admins never touch owners. */
export const canManage = (actor: OrgRole, target: OrgRole): boolean =>
  can(actor, "change_role") && (actor === "owner" || target !== "owner");

export const LAST_OWNER_LEAVE = "You're the only owner. Make another member an owner, or delete the organization, before you leave.";
export const LAST_OWNER_DEMOTE = "An organization needs an owner. Make another member an owner first.";

/**
 * The data-dependent rule: a change that takes away an owner (demotion,
 * removal, leaving) is refused when it would leave no owner. `owners` is the
 * count read under the organization's lock.
 */
export function lastOwnerRule(owners: number, target: OrgRole, next: OrgRole | null): string | null {
  if (target !== "owner" || next === "owner" || owners > 1) return null;
  return next === null ? LAST_OWNER_LEAVE : LAST_OWNER_DEMOTE;
}

export const ROLE_LABELS: Record<OrgRole, string> = { owner: "Owner", admin: "Admin", member: "Member" };
