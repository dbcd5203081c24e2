import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteAccount } from "@/lib/account/delete-account";
import { makeCtx, makeUser, proof } from "@/lib/account/test-fixtures";
import { changeMemberRole } from "./change-member-role";
import { leaveOrganization } from "./leave-organization";
import { listMembers } from "./list-members";
import { removeMember } from "./remove-member";
import { addMember, makeOrg, roleOf } from "./test-fixtures";
import { transferOwnership } from "./transfer-ownership";

const ctx = makeCtx();

describe("changeMemberRole", () => {
  it("owners change anyone; admins never touch owners nor grant owner; members change nothing", async () => {
    const { org, owner } = await makeOrg();
    const admin = await addMember(org, "admin");
    const member = await addMember(org, "member");
    expect(await changeMemberRole(member, org.slug, admin.id, "member", ctx)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await changeMemberRole(admin, org.slug, owner.id, "member", ctx)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await changeMemberRole(admin, org.slug, member.id, "owner", ctx)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await changeMemberRole(admin, org.slug, member.id, "admin", ctx)).toMatchObject({ ok: true, value: { role: "admin" } });
    expect(await changeMemberRole(owner, org.slug, member.id, "owner", ctx)).toMatchObject({ ok: true });
    expect(await roleOf(org, member.id)).toBe("owner");
    expect(await changeMemberRole(owner, org.slug, member.id, "boss", ctx)).toMatchObject({ ok: false, fieldErrors: { role: [expect.any(String)] } });
    expect(await changeMemberRole(owner, org.slug, (await makeUser()).id, "admin", ctx)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("the last owner cannot be demoted, one of two can (even themselves)", async () => {
    const { org, owner } = await makeOrg();
    const other = await addMember(org, "member");
    expect(await changeMemberRole(owner, org.slug, owner.id, "admin", ctx)).toMatchObject({ ok: false, code: "conflict" });
    expect((await changeMemberRole(owner, org.slug, other.id, "owner", ctx)).ok).toBe(true);
    expect((await changeMemberRole(owner, org.slug, owner.id, "admin", ctx)).ok).toBe(true);
    expect(await roleOf(org, owner.id)).toBe("admin");
    expect(await changeMemberRole(other, org.slug, other.id, "member", ctx)).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("removeMember and leaveOrganization", () => {
  it("admins remove members and admins but not owners; nobody removes themselves this way", async () => {
    const { org, owner } = await makeOrg();
    const admin = await addMember(org, "admin");
    const member = await addMember(org, "member");
    expect(await removeMember(member, org.slug, admin.id, ctx)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await removeMember(admin, org.slug, owner.id, ctx)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await removeMember(admin, org.slug, admin.id, ctx)).toMatchObject({ ok: false, code: "invalid_request" });
    expect(await removeMember(admin, org.slug, member.id, ctx)).toEqual({ ok: true, value: null });
    expect(await roleOf(org, member.id)).toBeNull();
    expect(await removeMember(owner, org.slug, member.id, ctx)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("the last owner cannot leave; after a second owner exists they can", async () => {
    const { org, owner } = await makeOrg();
    const member = await addMember(org, "member");
    expect(await leaveOrganization(owner, org.slug, ctx)).toMatchObject({ ok: false, code: "conflict", formError: expect.stringMatching(/only owner/) });
    expect((await leaveOrganization(member, org.slug, ctx)).ok).toBe(true);
    const second = await addMember(org, "owner");
    expect((await leaveOrganization(owner, org.slug, ctx)).ok).toBe(true);
    expect(await roleOf(org, second.id)).toBe("owner");
    expect(await leaveOrganization(owner, org.slug, ctx)).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("transferOwnership", () => {
  it("makes the member an owner and the old owner an admin; admins cannot", async () => {
    const { org, owner } = await makeOrg();
    const admin = await addMember(org, "admin");
    const member = await addMember(org, "member");
    expect(await transferOwnership(admin, org.slug, member.id, ctx)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await transferOwnership(owner, org.slug, owner.id, ctx)).toMatchObject({ ok: false, code: "invalid_request" });
    expect(await transferOwnership(owner, org.slug, member.id, ctx)).toEqual({ ok: true, value: null });
    expect([await roleOf(org, member.id), await roleOf(org, owner.id)]).toEqual(["owner", "admin"]);
    const listed = await listMembers(member, org.slug);
    expect(listed.ok && listed.value.members.map((m) => m.role)).toEqual(["owner", "admin", "admin"]);
  });
});

describe("deleting the account of an organization's owner", () => {
  it("is refused for the last owner of an organization with members, naming it; an organization they are alone in goes with them", async () => {
    const { org, owner } = await makeOrg(undefined, "Shared Org");
    const member = await addMember(org, "member");
    const solo = await makeOrg(owner, "Solo Org");
    expect(await deleteAccount(owner, await proof(owner), owner.email, ctx)).toMatchObject({
      ok: false, code: "conflict", formError: expect.stringContaining("Shared Org"),
    });
    expect((await changeMemberRole(owner, org.slug, member.id, "owner", ctx)).ok).toBe(true);
    expect(await deleteAccount(owner, await proof(owner), owner.email, ctx)).toEqual({ ok: true, value: null });
    expect(await db.organization.count({ where: { id: solo.org.id } })).toBe(0);
    expect(await db.organization.count({ where: { id: org.id } })).toBe(1);
    expect(await roleOf(org, member.id)).toBe("owner");
  });
});
