import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser, PASSWORD } from "@/lib/account/test-fixtures";
import { updateSettings } from "@/lib/settings/get-settings";
import { signInExperienceSchema } from "@/lib/settings/schema";
import { addMember, inviteeAddress, makeOrg, roleOf } from "@/lib/orgs/test-fixtures";
import { call, currentUser, signInAs } from "./api-client";

/** The real route handlers of /api/organizations and the organization parts of /api/my-account (./api-client.ts: what is replaced). */
const organizations = await import("@/app/api/organizations/route");
const organization = await import("@/app/api/organizations/[slug]/route");
const members = await import("@/app/api/organizations/[slug]/members/route");
const member = await import("@/app/api/organizations/[slug]/members/[userId]/route");
const leave = await import("@/app/api/organizations/[slug]/leave/route");
const transfer = await import("@/app/api/organizations/[slug]/transfer/route");
const invitations = await import("@/app/api/organizations/[slug]/invitations/route");
const invitation = await import("@/app/api/organizations/[slug]/invitations/[id]/route");
const resend = await import("@/app/api/organizations/[slug]/invitations/[id]/resend/route");
const activity = await import("@/app/api/organizations/[slug]/activity/route");
const myInvitations = await import("@/app/api/my-account/invitations/route");
const accept = await import("@/app/api/my-account/invitations/[id]/accept/route");
const decline = await import("@/app/api/my-account/invitations/[id]/decline/route");
const active = await import("@/app/api/my-account/active-organization/route");
const passwordProof = await import("@/app/api/my-account/verifications/password/route");

const slugFor = () => `api-${randomUUID().slice(0, 8)}`;
const fieldError = (field: string, code = "invalid_input") => ({ error: { code, message: expect.any(String), fields: { [field]: [expect.any(String)] } } });

/** An organization owned by the signed-in user, with an admin and a member. */
async function team() {
  const { org, owner } = await makeOrg(currentUser());
  return { org, owner, admin: await addMember(org, "admin"), member: await addMember(org, "member") };
}

async function invite(slug: string, emails: string | string[], role = "member") {
  return call(invitations.POST, "POST", { params: { slug }, body: { emails, role } });
}

beforeEach(async () => {
  signInAs(await makeUser());
});

describe("organizations API: requests", () => {
  it("answers 401 signed out, 415 for non-JSON, 413 over 16 KB, 400 for a body that is not an object", async () => {
    signInAs(null);
    expect(await call(organizations.GET, "GET")).toMatchObject({ status: 401, json: { error: { code: "unauthorized" } } });
    expect(await call(organization.GET, "GET", { params: { slug: "acme" } })).toMatchObject({ status: 401 });
    signInAs(await makeUser());
    expect(await call(organizations.POST, "POST", { raw: "name=x", type: "application/x-www-form-urlencoded" })).toMatchObject({ status: 415, json: { error: { code: "unsupported_media_type" } } });
    expect(await call(organizations.POST, "POST", { body: { name: "x".repeat(17 * 1024), slug: slugFor() } })).toMatchObject({ status: 413, json: { error: { code: "payload_too_large" } } });
    expect(await call(organizations.POST, "POST", { raw: "[]" })).toMatchObject({ status: 400, json: { error: { code: "invalid_json" } } });
  });

  it("checks every body's shape with zod: wrong types and unknown fields are 400 with the fields, never a 500", async () => {
    expect(await call(organizations.POST, "POST", { body: { name: 5, slug: ["a"] } })).toMatchObject({
      status: 400, json: { error: { code: "invalid_input", fields: { name: ["Must be a string."], slug: ["Must be a string."] } } },
    });
    expect(await call(organizations.POST, "POST", { body: { name: "Acme", slug: slugFor(), logo_url: "https://x.test/a.png" } })).toMatchObject({
      status: 400, json: { error: { code: "invalid_input", message: expect.stringContaining("logo_url") } },
    });
    const { org } = await team();
    expect(await call(member.PATCH, "PATCH", { params: { slug: org.slug, userId: currentUser().id }, body: { role: "boss" } })).toMatchObject({ status: 400, json: fieldError("role") });
    expect(await invite(org.slug, { to: "a@b.test" } as never)).toMatchObject({ status: 400, json: fieldError("emails") });
    expect(await call(leave.POST, "POST", { params: { slug: org.slug }, body: { now: true } })).toMatchObject({ status: 400 });
    expect(await call(invitations.GET, "GET", { params: { slug: org.slug }, query: "?status=lost" })).toMatchObject({ status: 400, json: fieldError("status") });
    expect(await call(activity.GET, "GET", { params: { slug: org.slug }, query: "?limit=0" })).toMatchObject({ status: 400, json: fieldError("limit") });
  });
});

describe("organizations API: organizations", () => {
  it("creates one (201, owner), lists it with its member count, and refuses a taken or reserved slug", async () => {
    const slug = slugFor();
    const created = await call(organizations.POST, "POST", { body: { name: "  Acme   Research ", slug, logoUrl: "" } });
    expect(created).toMatchObject({ status: 201, json: { id: expect.any(String), slug, name: "Acme Research", logoUrl: null, role: "owner" } });
    expect(await call(organizations.POST, "POST", { body: { name: "Other", slug } })).toMatchObject({ status: 409, json: fieldError("slug", "conflict") });
    expect(await call(organizations.POST, "POST", { body: { name: "Other", slug: "settings" } })).toMatchObject({ status: 400, json: fieldError("slug") });
    expect(await call(organizations.POST, "POST", { body: {} })).toMatchObject({ status: 400, json: { error: { fields: { name: [expect.any(String)], slug: [expect.any(String)] } } } });
    const listed = await call(organizations.GET, "GET");
    expect(listed).toMatchObject({ status: 200, json: { organizations: [{ slug, name: "Acme Research", role: "owner", memberCount: 1, joinedAt: expect.any(String) }] } });
    expect(listed.headers.get("cache-control")).toBe("no-store");
    expect(await call(active.GET, "GET")).toMatchObject({ status: 200, json: { organization: { slug, role: "owner" } } });
  });

  it("shows one to its members only: anyone else gets the same 404 as for no organization", async () => {
    const { org, member: plain } = await team();
    expect(await call(organization.GET, "GET", { params: { slug: org.slug } })).toMatchObject({ status: 200, json: { id: org.id, slug: org.slug, role: "owner" } });
    signInAs(plain);
    expect(await call(organization.GET, "GET", { params: { slug: org.slug } })).toMatchObject({ status: 200, json: { role: "member" } });
    signInAs(await makeUser());
    const stranger = await call(organization.GET, "GET", { params: { slug: org.slug } });
    expect(stranger).toMatchObject({ status: 404, json: { error: { code: "not_found" } } });
    expect(await call(organization.GET, "GET", { params: { slug: "no-such-org" } })).toEqual({ ...stranger, headers: expect.anything() });
    expect(await call(members.GET, "GET", { params: { slug: org.slug } })).toMatchObject({ status: 404 });
  });

  it("updates name, slug and logo (owners and admins; 403 for members); the old slug is gone", async () => {
    const { org, admin, member: plain } = await team();
    signInAs(plain);
    expect(await call(organization.PATCH, "PATCH", { params: { slug: org.slug }, body: { name: "Mine" } })).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
    signInAs(admin);
    const slug = slugFor();
    const updated = await call(organization.PATCH, "PATCH", { params: { slug: org.slug }, body: { slug, logoUrl: "https://cdn.example.test/logo.png" } });
    expect(updated).toMatchObject({ status: 200, json: { id: org.id, slug, name: org.name, logoUrl: "https://cdn.example.test/logo.png" } });
    expect(await call(organization.PATCH, "PATCH", { params: { slug }, body: { logoUrl: "http://plain.test/logo.png" } })).toMatchObject({ status: 400, json: fieldError("logoUrl") });
    expect(await call(organization.GET, "GET", { params: { slug: org.slug } })).toMatchObject({ status: 404 });
    const other = await makeOrg(admin);
    expect(await call(organization.PATCH, "PATCH", { params: { slug }, body: { slug: other.org.slug } })).toMatchObject({ status: 409, json: fieldError("slug", "conflict") });
  });

  it("deletes one only with the typed name and a step-up proof (403 verification_required), owners only", async () => {
    const { org, owner, admin } = await team();
    const slug = { slug: org.slug };
    expect(await call(organization.DELETE, "DELETE", { params: slug, body: { name: "acme" } })).toMatchObject({ status: 400, json: fieldError("name") });
    expect(await call(organization.DELETE, "DELETE", { params: slug, body: { name: org.name } })).toMatchObject({
      status: 403, json: { error: { code: "verification_required" } },
    });
    const proof = await call(passwordProof.POST, "POST", { body: { password: PASSWORD } });
    expect(await call(organization.DELETE, "DELETE", { params: slug, body: { name: org.name }, verificationId: "not-a-proof" })).toMatchObject({ status: 403 });
    signInAs(admin);
    expect(await call(organization.DELETE, "DELETE", { params: slug, body: { name: org.name }, verificationId: proof.json.verificationId })).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
    signInAs(owner);
    expect(await call(organization.DELETE, "DELETE", { params: slug, body: { name: org.name }, verificationId: proof.json.verificationId })).toMatchObject({ status: 204, json: null });
    expect(await call(organization.GET, "GET", { params: slug })).toMatchObject({ status: 404 });
    expect(await db.membership.count({ where: { organizationId: org.id } })).toBe(0);
    // The proof is used up.
    const again = await makeOrg(owner);
    expect(await call(organization.DELETE, "DELETE", { params: { slug: again.org.slug }, body: { name: again.org.name }, verificationId: proof.json.verificationId })).toMatchObject({ status: 403 });
  });
});

describe("organizations API: members", () => {
  it("lists members for every member, with the caller's role", async () => {
    const { org, admin, member: plain } = await team();
    signInAs(plain);
    const listed = await call(members.GET, "GET", { params: { slug: org.slug } });
    expect(listed).toMatchObject({ status: 200, json: { role: "member" } });
    expect(listed.json.members.map((m: { userId: string; role: string; isYou: boolean }) => [m.userId, m.role, m.isYou])).toEqual([
      [expect.any(String), "owner", false], [admin.id, "admin", false], [plain.id, "member", true],
    ]);
  });

  it("changes roles and removes members (admins never touch owners; members nothing)", async () => {
    const { org, owner, admin, member: plain } = await team();
    const at = (userId: string) => ({ slug: org.slug, userId });
    signInAs(plain);
    expect(await call(member.PATCH, "PATCH", { params: at(admin.id), body: { role: "member" } })).toMatchObject({ status: 403 });
    expect(await call(member.DELETE, "DELETE", { params: at(admin.id) })).toMatchObject({ status: 403 });
    signInAs(admin);
    expect(await call(member.PATCH, "PATCH", { params: at(owner.id), body: { role: "member" } })).toMatchObject({ status: 403 });
    expect(await call(member.PATCH, "PATCH", { params: at(plain.id), body: { role: "owner" } })).toMatchObject({ status: 403 });
    expect(await call(member.PATCH, "PATCH", { params: at(plain.id), body: { role: "admin" } })).toMatchObject({ status: 200, json: { userId: plain.id, role: "admin" } });
    expect(await call(member.PATCH, "PATCH", { params: at((await makeUser()).id), body: { role: "admin" } })).toMatchObject({ status: 404 });
    expect(await call(member.DELETE, "DELETE", { params: at(plain.id) })).toMatchObject({ status: 204, json: null });
    expect(await roleOf(org, plain.id)).toBeNull();
    signInAs(owner);
    expect(await call(member.PATCH, "PATCH", { params: at(owner.id), body: { role: "admin" } })).toMatchObject({ status: 409, json: { error: { code: "conflict" } } });
    signInAs(plain);
    expect(await call(member.DELETE, "DELETE", { params: at(admin.id) })).toMatchObject({ status: 404 });
  });

  it("leaves (204; the last owner gets 409) and transfers ownership (owners only)", async () => {
    const { org, owner, admin, member: plain } = await team();
    const slug = { slug: org.slug };
    expect(await call(leave.POST, "POST", { params: slug })).toMatchObject({ status: 409, json: { error: { code: "conflict", message: expect.stringMatching(/only owner/) } } });
    signInAs(admin);
    expect(await call(transfer.POST, "POST", { params: slug, body: { userId: plain.id } })).toMatchObject({ status: 403 });
    signInAs(owner);
    expect(await call(transfer.POST, "POST", { params: slug, body: {} })).toMatchObject({ status: 400, json: fieldError("userId") });
    expect(await call(transfer.POST, "POST", { params: slug, body: { userId: owner.id } })).toMatchObject({ status: 400, json: { error: { code: "invalid_request" } } });
    expect(await call(transfer.POST, "POST", { params: slug, body: { userId: plain.id } })).toMatchObject({ status: 204 });
    expect([await roleOf(org, plain.id), await roleOf(org, owner.id)]).toEqual(["owner", "admin"]);
    expect(await call(leave.POST, "POST", { params: slug })).toMatchObject({ status: 204 });
    expect(await call(organization.GET, "GET", { params: slug })).toMatchObject({ status: 404 });
  });
});

describe("organizations API: invitations", () => {
  it("invites, lists with delivery status, refuses a quick resend (429), revokes (204, then 409)", async () => {
    const { org, admin, member: plain } = await team();
    const slug = { slug: org.slug };
    const [first, second] = [inviteeAddress(), inviteeAddress()];
    const invited = await invite(org.slug, `${first}, ${second}, ${plain.email}`);
    expect(invited).toMatchObject({ status: 200 });
    expect(invited.json.outcomes).toEqual([
      { email: first, status: "invited", invitationId: expect.any(String), delivery: "sent" },
      { email: second, status: "invited", invitationId: expect.any(String), delivery: "sent" },
      { email: plain.email, status: "already_member" },
    ]);
    expect(await invite(org.slug, ["not an address"])).toMatchObject({ status: 400, json: fieldError("emails") });
    expect(await invite(org.slug, [])).toMatchObject({ status: 400, json: fieldError("emails") });

    signInAs(admin);
    const listed = await call(invitations.GET, "GET", { params: slug, query: "?status=pending" });
    expect(listed).toMatchObject({ status: 200 });
    expect(listed.json.invitations).toHaveLength(2);
    expect(listed.json.invitations[0]).toMatchObject({ email: second, role: "member", status: "pending", delivery: "sent", sendCount: 1, resendInSeconds: expect.any(Number) });
    const id = invited.json.outcomes[0].invitationId as string;
    const at = { slug: org.slug, id };
    expect(await call(resend.POST, "POST", { params: at })).toMatchObject({ status: 429, json: { error: { code: "rate_limited", message: expect.stringMatching(/seconds/) } } });
    await db.invitation.update({ where: { id }, data: { lastSentAt: new Date(Date.now() - 61_000) } });
    expect(await call(resend.POST, "POST", { params: at })).toMatchObject({ status: 200, json: { invitationId: id, delivery: "sent" } });
    expect(await call(invitation.DELETE, "DELETE", { params: at })).toMatchObject({ status: 204 });
    expect(await call(invitation.DELETE, "DELETE", { params: at })).toMatchObject({ status: 409 });
    expect(await call(invitation.DELETE, "DELETE", { params: { slug: org.slug, id: randomUUID() } })).toMatchObject({ status: 404 });
    expect((await call(invitations.GET, "GET", { params: slug, query: "?status=revoked&limit=5" })).json.invitations).toMatchObject([{ id, status: "revoked" }]);

    signInAs(plain);
    expect(await call(invitations.GET, "GET", { params: slug })).toMatchObject({ status: 403 });
    expect(await invite(org.slug, inviteeAddress())).toMatchObject({ status: 403 });
    expect(await call(resend.POST, "POST", { params: at })).toMatchObject({ status: 403 });
    signInAs(await makeUser());
    expect(await invite(org.slug, inviteeAddress())).toMatchObject({ status: 404 });
  });

  it("admins cannot invite owners; over the pending limit the whole submission is refused with 429", async () => {
    const { org, admin } = await team();
    signInAs(admin);
    expect(await invite(org.slug, inviteeAddress(), "owner")).toMatchObject({ status: 403, json: fieldError("role", "forbidden") });
    await updateSettings({ signInExperience: { invitations: { expiryDays: 7, maxEmailsPerOrgPerDay: 100, maxPendingPerOrg: 2 } } });
    try {
      expect(await invite(org.slug, [inviteeAddress(), inviteeAddress(), inviteeAddress()])).toMatchObject({
        status: 429, json: { error: { code: "rate_limited", message: expect.stringMatching(/2 pending invitations/) } },
      });
      expect(await db.invitation.count({ where: { organizationId: org.id } })).toBe(0);
    } finally {
      await updateSettings({ signInExperience: { invitations: signInExperienceSchema.parse({}).invitations } });
    }
  });

  it("the invitee lists, accepts (then 410) or declines by id; another account gets 403", async () => {
    const { org, owner } = await team();
    const invitee = await makeUser();
    const other = await makeOrg(owner, "Second Org");
    const one = (await invite(org.slug, invitee.email, "admin")).json.outcomes[0].invitationId as string;
    const two = (await invite(other.org.slug, invitee.email)).json.outcomes[0].invitationId as string;

    signInAs(await makeUser());
    expect(await call(myInvitations.GET, "GET")).toMatchObject({ status: 200, json: { invitations: [] } });
    expect(await call(accept.POST, "POST", { params: { id: one } })).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });

    signInAs(invitee);
    const mine = await call(myInvitations.GET, "GET");
    expect(mine.json.invitations.map((i: { id: string }) => i.id).sort()).toEqual([one, two].sort());
    expect(mine.json.invitations.find((i: { id: string }) => i.id === one)).toMatchObject({ organization: { slug: org.slug, name: org.name }, role: "admin", expiresAt: expect.any(String) });
    expect(await call(accept.POST, "POST", { params: { id: one } })).toMatchObject({
      status: 200, json: { organization: { slug: org.slug }, role: "admin", alreadyMember: false },
    });
    expect(await roleOf(org, invitee.id)).toBe("admin");
    expect(await call(accept.POST, "POST", { params: { id: one } })).toMatchObject({ status: 410, json: { error: { code: "gone" } } });
    expect(await call(decline.POST, "POST", { params: { id: two } })).toMatchObject({ status: 204 });
    expect(await call(accept.POST, "POST", { params: { id: two } })).toMatchObject({ status: 410 });
    expect(await call(accept.POST, "POST", { params: { id: randomUUID() } })).toMatchObject({ status: 404 });
    expect(await call(myInvitations.GET, "GET")).toMatchObject({ json: { invitations: [] } });
  });

  it("a revoked invitation is 410 for the invitee, even from a list fetched before", async () => {
    const { org } = await team();
    const invitee = await makeUser();
    const id = (await invite(org.slug, invitee.email)).json.outcomes[0].invitationId as string;
    await call(invitation.DELETE, "DELETE", { params: { slug: org.slug, id } });
    signInAs(invitee);
    expect(await call(accept.POST, "POST", { params: { id } })).toMatchObject({ status: 410, json: { error: { code: "gone", message: expect.stringMatching(/withdrawn/) } } });
    expect(await roleOf(org, invitee.id)).toBeNull();
  });
});

describe("organizations API: active organization and activity", () => {
  it("switches this session's organization to one I belong to; 404 for any other", async () => {
    const first = await makeOrg(currentUser(), "First");
    const second = await makeOrg(currentUser(), "Second");
    expect(await call(active.GET, "GET")).toMatchObject({ json: { organization: { slug: second.org.slug } } });
    expect(await call(active.PUT, "PUT", { body: { slug: first.org.slug } })).toMatchObject({ status: 200, json: { organization: { slug: first.org.slug, role: "owner" } } });
    expect(await call(active.GET, "GET")).toMatchObject({ json: { organization: { slug: first.org.slug } } });
    const foreign = await makeOrg();
    expect(await call(active.PUT, "PUT", { body: { slug: foreign.org.slug } })).toMatchObject({ status: 404 });
    expect(await call(active.PUT, "PUT", { body: {} })).toMatchObject({ status: 400, json: fieldError("slug") });
    signInAs(await makeUser());
    expect(await call(active.GET, "GET")).toMatchObject({ status: 200, json: { organization: null } });
  });

  it("shows the organization's activity to owners and admins, newest first", async () => {
    const { org, member: plain } = await team();
    const address = inviteeAddress();
    await invite(org.slug, address, "admin");
    const { json } = await call(activity.GET, "GET", { params: { slug: org.slug }, query: "?limit=2" });
    expect(json.events).toHaveLength(2);
    expect(json.events[0]).toMatchObject({ type: "org_member_invited", label: `Invited someone to ${org.name} as admin`, invitedEmail: address, actor: { id: currentUser().id } });
    expect(json.events[1]).toMatchObject({ type: "org_created" });
    signInAs(plain);
    expect(await call(activity.GET, "GET", { params: { slug: org.slug } })).toMatchObject({ status: 403 });
  });
});
