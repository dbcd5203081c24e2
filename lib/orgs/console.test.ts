import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listEvents } from "@/lib/account/audit";
import { makeCtx, makeUser } from "@/lib/account/test-fixtures";
import { ADMIN_ROLE } from "@/lib/auth/roles";
import { listOrganizationsForConsole } from "./console-list-organizations";
import { getOrganizationForConsole } from "./console-organization";
import { removeMemberFromConsole } from "./console-remove-member";
import { revokeInvitationFromConsole } from "./console-revoke-invitation";
import { inviteMembers } from "./invite-members";
import { listOrganizationActivity } from "./list-organization-activity";
import { addMember, inviteeAddress, makeOrg, roleOf } from "./test-fixtures";

const ctx = makeCtx();

async function consoleAdmin() {
  const user = await makeUser();
  await db.user.update({ where: { id: user.id }, data: { role: ADMIN_ROLE } });
  return user;
}

/** An organization with an admin, a member and `invites` pending invitations; returns their ids. */
async function orgWithInvitations(invites: number) {
  const { org, owner } = await makeOrg();
  const admin = await addMember(org, "admin");
  const member = await addMember(org, "member");
  if (invites === 0) return { org, owner, admin, member, ids: [] };
  const sent = await inviteMembers(owner, org.slug, { emails: Array.from({ length: invites }, inviteeAddress), role: "member" }, ctx);
  if (!sent.ok) throw new Error(JSON.stringify(sent));
  const ids = sent.value.outcomes.map((o) => ("invitationId" in o ? o.invitationId : ""));
  return { org, owner, admin, member, ids };
}

const emailOf = async (invitationId: string) => (await db.invitation.findUniqueOrThrow({ where: { id: invitationId } })).emailMessageId!;

describe("the console's organizations", () => {
  it("are only for console admins, whatever their role in an organization", async () => {
    const { org, owner, ids } = await orgWithInvitations(1);
    const refused = { ok: false, code: "forbidden" };
    expect(await listOrganizationsForConsole(owner)).toMatchObject(refused);
    expect(await getOrganizationForConsole(owner, org.id)).toMatchObject(refused);
    expect(await revokeInvitationFromConsole(owner, org.id, ids[0], ctx)).toMatchObject(refused);
    expect(await removeMemberFromConsole(owner, org.id, owner.id, ctx)).toMatchObject(refused);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: ids[0] } })).status).toBe("pending");
  });

  it("lists every organization with members, pending invitations and failed invitation emails (not withdrawn ones)", async () => {
    const admin = await consoleAdmin();
    const { org, ids } = await orgWithInvitations(4);
    await db.emailMessage.update({ where: { id: await emailOf(ids[0]!) }, data: { status: "dead", errorCode: "rejected_recipient" } });
    await db.emailMessage.update({ where: { id: await emailOf(ids[1]!) }, data: { status: "failed", errorCode: "transient" } });
    await db.emailMessage.update({ where: { id: await emailOf(ids[2]!) }, data: { status: "dead", errorCode: "withdrawn" } });
    await db.invitation.update({ where: { id: ids[3]! }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const empty = await makeOrg(undefined, "Quiet Org");

    const listed = await listOrganizationsForConsole(admin);
    if (!listed.ok) throw new Error(JSON.stringify(listed));
    const row = (id: string) => listed.value.organizations.find((o) => o.id === id);
    expect(row(org.id)).toMatchObject({ slug: org.slug, name: org.name, memberCount: 3, pendingInvitations: 3, failedInvitationEmails: 2 });
    expect(row(empty.org.id)).toMatchObject({ memberCount: 1, pendingInvitations: 0, failedInvitationEmails: 0 });
    // Newest first (other test files may add organizations meanwhile, on a shared PostgreSQL database).
    const index = (id: string) => listed.value.organizations.findIndex((o) => o.id === id);
    expect(index(empty.org.id)).toBeLessThan(index(org.id));
    expect(listed.value.total).toBeGreaterThanOrEqual(listed.value.organizations.length);
    const limited = await listOrganizationsForConsole(admin, 1);
    expect(limited.ok && limited.value.organizations).toHaveLength(1);
  });

  it("shows one organization's members and invitations with their delivery status", async () => {
    const admin = await consoleAdmin();
    const { org, owner, member, ids } = await orgWithInvitations(2);
    const detail = await getOrganizationForConsole(admin, org.id);
    if (!detail.ok) throw new Error(JSON.stringify(detail));
    expect(detail.value.organization).toMatchObject({ id: org.id, slug: org.slug, createdAt: expect.any(Date) });
    expect(detail.value.members.map((m) => [m.userId, m.role, m.isYou])).toEqual([[owner.id, "owner", false], [expect.any(String), "admin", false], [member.id, "member", false]]);
    expect(detail.value.invitations.map((i) => [i.id, i.status, i.delivery])).toEqual([[ids[1], "pending", "sent"], [ids[0], "pending", "sent"]]);
    expect(await getOrganizationForConsole(admin, "no-such-id")).toMatchObject({ ok: false, code: "not_found" });
  });

  it("revokes an invitation by console authority; the event names the console admin", async () => {
    const admin = await consoleAdmin();
    const { org, owner, ids } = await orgWithInvitations(1);
    const other = await orgWithInvitations(1);
    expect(await revokeInvitationFromConsole(admin, org.id, other.ids[0], ctx)).toMatchObject({ ok: false, code: "not_found" });
    expect(await revokeInvitationFromConsole(admin, org.id, ids[0], ctx)).toEqual({ ok: true, value: null });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: ids[0] } })).status).toBe("revoked");
    expect(await revokeInvitationFromConsole(admin, org.id, ids[0], ctx)).toMatchObject({ ok: false, code: "conflict" });
    const [event] = await listEvents(admin.id, 1);
    expect(event).toMatchObject({ type: "org_invitation_revoked", label: `Revoked an invitation to ${org.name} from the admin console`, detail: { console: true } });
    const activity = await listOrganizationActivity(owner, org.slug);
    expect(activity.ok && activity.value[0]).toMatchObject({ type: "org_invitation_revoked", actor: { id: admin.id } });
  });

  it("removes any member but the last owner; the event names the console admin", async () => {
    const admin = await consoleAdmin();
    const { org, owner, member } = await orgWithInvitations(0);
    expect(await removeMemberFromConsole(admin, org.id, member.id, ctx)).toEqual({ ok: true, value: null });
    expect(await roleOf(org, member.id)).toBeNull();
    expect(await removeMemberFromConsole(admin, org.id, member.id, ctx)).toMatchObject({ ok: false, code: "not_found" });
    expect(await removeMemberFromConsole(admin, org.id, owner.id, ctx)).toMatchObject({ ok: false, code: "conflict", formError: expect.stringMatching(/only owner/) });
    expect(await roleOf(org, owner.id)).toBe("owner");
    const [event] = await listEvents(admin.id, 1);
    expect(event).toMatchObject({ type: "org_member_removed", label: `Removed a member from ${org.name} from the admin console`, detail: { target: member.id, role: "member", console: true } });
    expect(await removeMemberFromConsole(admin, "no-such-id", owner.id, ctx)).toMatchObject({ ok: false, code: "not_found" });
  });
});
