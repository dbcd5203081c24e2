import { describe, expect, it } from "vitest";
import { assignableRoles, atLeast, can, canAssign, canManage, lastOwnerRule, ORG_ACTIONS, ORG_ROLES, PERMISSIONS, type OrgAction, type OrgRole } from "./permissions";

/** The expected table, written out again independently of permissions.ts: a change there must be a change here. */
const EXPECTED: Record<OrgRole, OrgAction[]> = {
  owner: [...ORG_ACTIONS],
  admin: ["view_members", "invite", "revoke_invitation", "resend_invitation", "view_invitations", "change_role", "remove_member", "update_settings", "view_audit", "leave"],
  member: ["view_members", "leave"],
};

describe("the permission table", () => {
  const cells = ORG_ROLES.flatMap((role) => ORG_ACTIONS.map((action) => [role, action] as const));
  it.each(cells)("%s × %s", (role, action) => {
    expect(can(role, action)).toBe(EXPECTED[role].includes(action));
  });

  it("has a row for every action and nothing else", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ORG_ACTIONS].sort());
    for (const action of ORG_ACTIONS) expect(Object.keys(PERMISSIONS[action]).sort()).toEqual([...ORG_ROLES].sort());
  });
});

describe("the rules beside the table", () => {
  it("ranks owner > admin > member", () => {
    expect(atLeast("owner", "admin")).toBe(true);
    expect(atLeast("admin", "admin")).toBe(true);
    expect(atLeast("member", "admin")).toBe(false);
    expect(atLeast("admin", "owner")).toBe(false);
  });

  it("admins never grant owner; members grant nothing", () => {
    expect(assignableRoles("owner")).toEqual(["owner", "admin", "member"]);
    expect(canAssign("admin", "owner")).toBe(false);
    expect(canAssign("admin", "admin")).toBe(true);
    expect(canAssign("admin", "member")).toBe(true);
    for (const role of ORG_ROLES) expect(canAssign("member", role)).toBe(false);
  });

  it("admins never touch owners; owners touch everyone; members no one", () => {
    for (const target of ORG_ROLES) expect(canManage("owner", target)).toBe(true);
    expect(canManage("admin", "owner")).toBe(false);
    expect(canManage("admin", "admin")).toBe(true);
    expect(canManage("admin", "member")).toBe(true);
    for (const target of ORG_ROLES) expect(canManage("member", target)).toBe(false);
  });

  it("the last owner can neither leave nor be demoted; one of several can", () => {
    expect(lastOwnerRule(1, "owner", null)).toMatch(/only owner/);
    expect(lastOwnerRule(1, "owner", "admin")).toMatch(/needs an owner/);
    expect(lastOwnerRule(1, "owner", "owner")).toBeNull();
    expect(lastOwnerRule(2, "owner", null)).toBeNull();
    expect(lastOwnerRule(2, "owner", "member")).toBeNull();
    expect(lastOwnerRule(1, "admin", null)).toBeNull();
  });
});
