import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listEvents } from "@/lib/account/audit";
import { makeCtx, makeUser, proof } from "@/lib/account/test-fixtures";
import { peekVerification } from "@/lib/account/step-up";
import { checkOrgRole } from "./check-org-role";
import { createOrganization } from "./create-organization";
import { deleteOrganization } from "./delete-organization";
import { findActiveOrganization } from "./find-active-organization";
import { inviteMembers } from "./invite-members";
import { listOrganizationActivity } from "./list-organization-activity";
import { setActiveOrganization } from "./set-active-organization";
import { addMember, inviteeAddress, makeOrg } from "./test-fixtures";
import { updateOrganization } from "./update-organization";

const slugError = async (slug: string) => {
  const result = await createOrganization(await makeUser(), { name: "Acme", slug }, makeCtx());
  return result.ok ? null : result.fieldErrors?.slug?.[0];
};

describe("createOrganization", () => {
  it("makes the creator its owner, switches the session to it and records the event", async () => {
    const user = await makeUser();
    const created = await createOrganization(user, { name: "  Acme   Research ", slug: "acme-research", logoUrl: "https://cdn.acme.test/logo.png" }, makeCtx());
    expect(created).toMatchObject({ ok: true, value: { slug: "acme-research", name: "Acme Research", logoUrl: "https://cdn.acme.test/logo.png" } });
    expect(await checkOrgRole(user.id, "acme-research", "owner")).toMatchObject({ ok: true, value: { role: "owner" } });
    expect((await findActiveOrganization(user))?.organization.slug).toBe("acme-research");
    expect((await listEvents(user.id))[0]).toMatchObject({ type: "org_created", label: "Created the organization Acme Research" });
  });

  it("refuses bad slugs with a field error naming the rule", async () => {
    expect(await slugError("ab")).toMatch(/3 to 40/);
    expect(await slugError("a".repeat(41))).toMatch(/3 to 40/);
    expect(await slugError("Acme")).toMatch(/lowercase/);
    expect(await slugError("-acme")).toMatch(/lowercase/);
    expect(await slugError("ac--me")).toMatch(/lowercase/);
    expect(await slugError("acme_eu")).toMatch(/lowercase/);
    for (const reserved of ["new", "settings", "api"]) expect(await slugError(reserved)).toMatch(/reserved/);
    expect(await slugError("acme-eu-2")).toBeNull();
  });

  it("reports a taken slug on the field (conflict), and all field errors at once", async () => {
    const user = await makeUser();
    expect((await createOrganization(user, { name: "One", slug: "taken-slug" }, makeCtx())).ok).toBe(true);
    expect(await createOrganization(user, { name: "Two", slug: "taken-slug" }, makeCtx())).toMatchObject({
      ok: false, code: "conflict", fieldErrors: { slug: [expect.stringMatching(/taken/)] },
    });
    const all = await createOrganization(user, { name: "", slug: "x", logoUrl: "http://plain.test/logo.png" }, makeCtx());
    expect(all).toMatchObject({ ok: false, code: "invalid_input" });
    expect(Object.keys((all as { fieldErrors: object }).fieldErrors).sort()).toEqual(["logoUrl", "name", "slug"]);
  });
});

describe("updateOrganization", () => {
  it("lets owners and admins rename and move it; members are forbidden; outsiders see not_found", async () => {
    const { org, owner } = await makeOrg();
    const admin = await addMember(org, "admin");
    const member = await addMember(org, "member");
    expect(await updateOrganization(member, org.slug, { name: "Nope" }, makeCtx())).toMatchObject({ ok: false, code: "forbidden" });
    expect(await updateOrganization(await makeUser(), org.slug, { name: "Nope" }, makeCtx())).toMatchObject({ ok: false, code: "not_found" });
    const moved = await updateOrganization(admin, org.slug, { name: "Acme Labs", slug: `${org.slug}-labs`, logoUrl: "" }, makeCtx());
    expect(moved).toMatchObject({ ok: true, value: { name: "Acme Labs", slug: `${org.slug}-labs`, logoUrl: null } });
    expect(await checkOrgRole(owner.id, org.slug)).toMatchObject({ ok: false, code: "not_found" });
    expect(await checkOrgRole(owner.id, `${org.slug}-labs`)).toMatchObject({ ok: true });
  });
});

describe("deleteOrganization", () => {
  it("needs an owner, the typed name (checked before the proof is used) and a step-up proof", async () => {
    const { org, owner } = await makeOrg();
    const admin = await addMember(org, "admin");
    expect(await deleteOrganization(admin, org.slug, await proof(admin), org.name, makeCtx())).toMatchObject({ ok: false, code: "forbidden" });
    const id = await proof(owner);
    expect(await deleteOrganization(owner, org.slug, id, "acme research", makeCtx())).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)] } });
    expect(await peekVerification(owner, id)).toBe(true);
    expect(await deleteOrganization(owner, org.slug, undefined, org.name, makeCtx())).toMatchObject({ ok: false, code: "verification_required" });
    expect(await db.organization.count({ where: { id: org.id } })).toBe(1);
  });

  it("removes memberships and invitations with it, and keeps the event in the owner's activity", async () => {
    const { org, owner } = await makeOrg();
    const member = await addMember(org, "member");
    expect((await inviteMembers(owner, org.slug, { emails: inviteeAddress(), role: "member" }, makeCtx())).ok).toBe(true);
    await setActiveOrganization(member, org.slug);
    expect(await deleteOrganization(owner, org.slug, await proof(owner), ` ${org.name} `, makeCtx())).toEqual({ ok: true, value: null });
    expect(await db.organization.count({ where: { id: org.id } })).toBe(0);
    expect(await db.membership.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await db.invitation.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await findActiveOrganization(member)).toBeNull();
    expect((await listEvents(owner.id))[0]).toMatchObject({ type: "org_deleted", label: `Deleted the organization ${org.name}` });
  });
});

describe("the active organization", () => {
  it("falls back to the first joined, remembers the session's choice, and forgets one the user left", async () => {
    const user = await makeUser();
    const first = await makeOrg(undefined, "First");
    const second = await makeOrg(undefined, "Second");
    expect(await findActiveOrganization(user)).toBeNull();
    await addMember(first.org, "member", user);
    await addMember(second.org, "admin", user);
    // Two joins can fall in the same millisecond: make "first" unmistakably the earlier one.
    await db.membership.update({ where: { organizationId_userId: { organizationId: first.org.id, userId: user.id } }, data: { joinedAt: new Date(Date.now() - 60_000) } });
    expect((await findActiveOrganization(user))?.organization.id).toBe(first.org.id);
    expect(await setActiveOrganization(user, second.org.slug)).toMatchObject({ ok: true, value: { role: "admin" } });
    expect((await findActiveOrganization(user))?.organization.id).toBe(second.org.id);
    await db.membership.deleteMany({ where: { organizationId: second.org.id, userId: user.id } });
    expect((await findActiveOrganization(user))?.organization.id).toBe(first.org.id);
    expect(await setActiveOrganization(user, second.org.slug)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("checkOrgRole: not_found for a stranger and a missing org alike, forbidden for a lower role", async () => {
    const { org } = await makeOrg();
    const member = await addMember(org, "member");
    const stranger = await makeUser();
    const missing = await checkOrgRole(stranger.id, "no-such-org");
    expect(await checkOrgRole(stranger.id, org.slug)).toEqual(missing);
    expect(await checkOrgRole(member.id, org.slug, "admin")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await checkOrgRole(member.id, org.slug.toUpperCase(), "member")).toMatchObject({ ok: true });
  });
});

describe("listOrganizationActivity", () => {
  it("shows the organization's events, with actor and invited address, to owners and admins only", async () => {
    const { org, owner } = await makeOrg();
    const member = await addMember(org, "member");
    const address = inviteeAddress();
    await inviteMembers(owner, org.slug, { emails: address, role: "admin" }, makeCtx());
    const activity = await listOrganizationActivity(owner, org.slug);
    if (!activity.ok) throw new Error("refused");
    expect(activity.value.map((e) => e.type)).toEqual(["org_member_invited", "org_created"]);
    expect(activity.value[0]).toMatchObject({ actor: { id: owner.id }, invitedEmail: address, label: `Invited someone to ${org.name} as admin` });
    expect(await listOrganizationActivity(member, org.slug)).toMatchObject({ ok: false, code: "forbidden" });
  });
});
