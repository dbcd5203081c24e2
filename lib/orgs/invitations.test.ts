import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeCtx, makeUser } from "@/lib/account/test-fixtures";
import { acceptInvitation } from "./accept-invitation";
import { declineInvitation } from "./decline-invitation";
import { findInvitationByToken } from "./find-invitation-by-token";
import { inviteMembers } from "./invite-members";
import { hashInvitationToken } from "./invitation-token";
import { listInvitations } from "./list-invitations";
import { listMyInvitations } from "./list-my-invitations";
import { resendInvitation } from "./resend-invitation";
import { revokeInvitation } from "./revoke-invitation";
import { addMember, inviteeAddress, latestInvitationToken, makeOrg, roleOf } from "./test-fixtures";

const ctx = makeCtx();

/** An organization, its owner, and one invitation to a new address (with the token from the email). */
async function invited(role: "admin" | "member" = "member") {
  const { org, owner } = await makeOrg();
  const email = inviteeAddress();
  const result = await inviteMembers(owner, org.slug, { emails: email, role }, ctx);
  if (!result.ok) throw new Error(JSON.stringify(result));
  const invitation = await db.invitation.findFirstOrThrow({ where: { organizationId: org.id, email } });
  return { org, owner, email, invitation, token: await latestInvitationToken(email) };
}

/** Moves the invitation's last send back, as if `seconds` had passed. */
const age = (id: string, seconds: number) => db.invitation.update({ where: { id }, data: { lastSentAt: new Date(Date.now() - seconds * 1000) } });

describe("inviteMembers", () => {
  it("normalises and deduplicates addresses, emails each once with the organization, inviter, role and a one-time link", async () => {
    const { org, owner } = await makeOrg();
    const local = inviteeAddress().split("@")[0]!;
    const result = await inviteMembers(owner, org.slug, { emails: `${local}@EXAMPLE.test, ${local}@example.test\n  ＢＯＢ-${local}@example.test`, role: "admin" }, ctx);
    expect(result).toMatchObject({ ok: true, value: { outcomes: [{ email: `${local}@example.test`, status: "invited", delivery: "sent" }, { email: `bob-${local}@example.test`, status: "invited" }] } });
    const [message] = await db.devMailboxMessage.findMany({ where: { to: `${local}@example.test` } });
    expect(message?.subject).toBe(`${owner.email} invited you to join ${org.name} on Mailgate`);
    expect(message?.text).toContain("as an admin.");
    expect(message?.text).toContain("expires in 7 days");
  });

  it("stores only a keyed hash of the token, nowhere the token itself", async () => {
    const { invitation, token } = await invited();
    expect(invitation.tokenHash).toBe(hashInvitationToken(token));
    expect(invitation.tokenHash).not.toContain(token);
    expect(JSON.stringify(invitation)).not.toContain(token);
    const message = await db.emailMessage.findUniqueOrThrow({ where: { id: invitation.emailMessageId! } });
    expect(`${message.subject}${message.body ?? ""}`).not.toContain(token);
    expect(hashInvitationToken("not a token")).toBeNull();
  });

  it("reports members, refuses members and an admin inviting an owner, and refuses a submission with an invalid address whole", async () => {
    const { org, owner } = await makeOrg();
    const admin = await addMember(org, "admin");
    const member = await addMember(org, "member");
    const fresh = inviteeAddress();
    expect(await inviteMembers(owner, org.slug, { emails: [member.email, fresh], role: "member" }, ctx)).toMatchObject({
      ok: true, value: { outcomes: [{ email: member.email, status: "already_member" }, { email: fresh, status: "invited" }] },
    });
    expect(await inviteMembers(member, org.slug, { emails: inviteeAddress(), role: "member" }, ctx)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await inviteMembers(admin, org.slug, { emails: inviteeAddress(), role: "owner" }, ctx)).toMatchObject({ ok: false, code: "forbidden" });
    const bad = await inviteMembers(owner, org.slug, { emails: `${inviteeAddress()}, not-an-address, x@y`, role: "member" }, ctx);
    expect(bad).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { emails: [expect.stringContaining("not-an-address, x@y")] } });
    expect(await db.invitation.count({ where: { organizationId: org.id } })).toBe(1);
  });

  it("takes 1 to 20 addresses per submission", async () => {
    const { org, owner } = await makeOrg();
    const many = (n: number) => Array.from({ length: n }, () => inviteeAddress());
    expect(await inviteMembers(owner, org.slug, { emails: many(21), role: "member" }, ctx)).toMatchObject({ ok: false, fieldErrors: { emails: [expect.stringMatching(/at most 20/)] } });
    expect(await inviteMembers(owner, org.slug, { emails: " , ", role: "member" }, ctx)).toMatchObject({ ok: false, fieldErrors: { emails: [expect.any(String)] } });
    const twenty = await inviteMembers(owner, org.slug, { emails: many(20), role: "member" }, ctx);
    expect(twenty.ok && twenty.value.outcomes.every((o) => o.status === "invited")).toBe(true);
  });

  it("inviting a pending address again resends it (new link, the old one dead), within the cooldown it is reported", async () => {
    const { org, owner, email, invitation, token } = await invited();
    expect(await inviteMembers(owner, org.slug, { emails: email, role: "admin" }, ctx)).toMatchObject({ ok: true, value: { outcomes: [{ status: "cooldown" }] } });
    await age(invitation.id, 61);
    expect(await inviteMembers(owner, org.slug, { emails: email, role: "admin" }, ctx)).toMatchObject({ ok: true, value: { outcomes: [{ status: "resent" }] } });
    const after = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(after).toMatchObject({ sendCount: 2, role: "admin", status: "pending" });
    expect(await db.invitation.count({ where: { organizationId: org.id } })).toBe(1);
    expect(await findInvitationByToken(token, null)).toMatchObject({ ok: false, code: "not_found" });
    expect(await findInvitationByToken(await latestInvitationToken(email), null)).toMatchObject({ ok: true, value: { role: "admin" } });
  });
});

describe("resendInvitation", () => {
  it("waits 60 seconds between sends and stops at 5 sends", async () => {
    const { org, owner, invitation } = await invited();
    expect(await resendInvitation(owner, org.slug, invitation.id, ctx)).toMatchObject({ ok: false, code: "rate_limited", formError: expect.stringMatching(/in \d+ seconds/) });
    for (let sends = 2; sends <= 5; sends += 1) {
      await age(invitation.id, 61);
      expect(await resendInvitation(owner, org.slug, invitation.id, ctx)).toMatchObject({ ok: true, value: { delivery: "sent" } });
    }
    await age(invitation.id, 61);
    expect(await resendInvitation(owner, org.slug, invitation.id, ctx)).toMatchObject({ ok: false, code: "rate_limited", formError: expect.stringMatching(/5 times/) });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).sendCount).toBe(5);
    expect(await db.devMailboxMessage.count({ where: { to: invitation.email } })).toBe(5);
  });

  it("is for owners and admins of the invitation's own organization, and only while pending", async () => {
    const { org, invitation, owner } = await invited();
    const member = await addMember(org, "member");
    const other = await makeOrg();
    expect(await resendInvitation(member, org.slug, invitation.id, ctx)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await resendInvitation(other.owner, other.org.slug, invitation.id, ctx)).toMatchObject({ ok: false, code: "not_found" });
    expect((await revokeInvitation(owner, org.slug, invitation.id, ctx)).ok).toBe(true);
    await age(invitation.id, 61);
    expect(await resendInvitation(owner, org.slug, invitation.id, ctx)).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("the invitation's states: pending → accepted | declined | revoked | expired", () => {
  it("accepted: the invitee (signed in with the invited, verified address) becomes a member; the link is single use", async () => {
    const { org, email, invitation, token } = await invited("admin");
    const invitee = await makeUser({ email });
    expect(await acceptInvitation(invitee, { token }, ctx)).toMatchObject({ ok: true, value: { organization: { id: org.id }, role: "admin", alreadyMember: false } });
    expect(await roleOf(org, invitee.id)).toBe("admin");
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ status: "accepted", acceptedById: invitee.id, pendingKey: null });
    expect(await acceptInvitation(invitee, { token }, ctx)).toMatchObject({ ok: false, code: "gone", formError: expect.stringMatching(/already been accepted/) });
    expect(await db.membership.count({ where: { organizationId: org.id, userId: invitee.id } })).toBe(1);
  });

  it("declined: no membership, and the link no longer accepts", async () => {
    const { org, email, invitation, token } = await invited();
    const invitee = await makeUser({ email });
    expect(await declineInvitation(invitee, { invitationId: invitation.id }, ctx)).toMatchObject({ ok: true });
    expect(await acceptInvitation(invitee, { token }, ctx)).toMatchObject({ ok: false, code: "gone", formError: expect.stringMatching(/declined/) });
    expect(await roleOf(org, invitee.id)).toBeNull();
  });

  it("revoked: even a page opened before cannot accept; revoking twice is a conflict", async () => {
    const { org, owner, email, invitation, token } = await invited();
    const invitee = await makeUser({ email });
    expect((await findInvitationByToken(token, invitee)).ok).toBe(true);
    expect(await revokeInvitation(owner, org.slug, invitation.id, ctx)).toEqual({ ok: true, value: null });
    expect(await acceptInvitation(invitee, { token }, ctx)).toMatchObject({ ok: false, code: "gone", formError: expect.stringMatching(/withdrawn/) });
    expect(await revokeInvitation(owner, org.slug, invitation.id, ctx)).toMatchObject({ ok: false, code: "conflict" });
    expect(await roleOf(org, invitee.id)).toBeNull();
  });

  it("expired: shown as expired, refused with who to ask, and a resend renews it", async () => {
    const { org, owner, email, invitation, token } = await invited();
    const invitee = await makeUser({ email });
    await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findInvitationByToken(token, invitee)).toMatchObject({ ok: true, value: { status: "expired" } });
    expect(await acceptInvitation(invitee, { token }, ctx)).toMatchObject({ ok: false, code: "gone", formError: expect.stringContaining(`Ask ${owner.email}`) });
    await age(invitation.id, 61);
    expect((await resendInvitation(owner, org.slug, invitation.id, ctx)).ok).toBe(true);
    expect((await acceptInvitation(invitee, { token: await latestInvitationToken(email) }, ctx)).ok).toBe(true);
  });

  it("never accepts for another address, nor for an unverified one", async () => {
    const { org, email, invitation, token } = await invited();
    const stranger = await makeUser();
    expect(await acceptInvitation(stranger, { token }, ctx)).toMatchObject({ ok: false, code: "forbidden", formError: expect.stringContaining("Sign out") });
    expect(await declineInvitation(stranger, { invitationId: invitation.id }, ctx)).toMatchObject({ ok: false, code: "forbidden" });
    const unverified = await makeUser({ email });
    await db.user.update({ where: { id: unverified.id }, data: { emailVerifiedAt: null } });
    expect(await acceptInvitation(unverified, { token }, ctx)).toMatchObject({ ok: false, code: "forbidden" });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("pending");
    expect(await db.membership.count({ where: { organizationId: org.id } })).toBe(1);
  });
});

describe("reading invitations", () => {
  it("findInvitationByToken shows what the page needs and changes nothing", async () => {
    const { org, owner, email, invitation, token } = await invited("admin");
    const before = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    const preview = await findInvitationByToken(token, null);
    expect(preview).toMatchObject({
      ok: true,
      value: { organization: { name: org.name, slug: org.slug }, inviter: owner.email, role: "admin", maskedEmail: `${email[0]}•••@example.test`, status: "pending", viewer: "signed_out" },
    });
    expect((await findInvitationByToken(token, { email: email.toUpperCase() })).ok && (await findInvitationByToken(token, { email })).ok).toBe(true);
    expect(await findInvitationByToken(token, owner)).toMatchObject({ value: { viewer: "other" } });
    expect(await findInvitationByToken(token, { email })).toMatchObject({ value: { viewer: "invitee" } });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toEqual(before);
    expect(await findInvitationByToken("x".repeat(43), null)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("listInvitations gives each invitation's status and its email's delivery status; listMyInvitations the invitee's pending ones", async () => {
    const { org, owner, email, invitation } = await invited();
    const second = inviteeAddress();
    await inviteMembers(owner, org.slug, { emails: second, role: "member" }, ctx);
    const revoked = await db.invitation.findFirstOrThrow({ where: { email: second } });
    await revokeInvitation(owner, org.slug, revoked.id, ctx);
    const listed = await listInvitations(owner, org.slug);
    expect(listed.ok && listed.value.map((i) => [i.email, i.status, i.delivery])).toEqual([[second, "revoked", "sent"], [email, "pending", "sent"]]);
    const pending = await listInvitations(owner, org.slug, { status: "pending" });
    expect(pending.ok && pending.value.map((i) => i.id)).toEqual([invitation.id]);
    expect(await listInvitations(await addMember(org, "member"), org.slug)).toMatchObject({ ok: false, code: "forbidden" });
    const invitee = await makeUser({ email });
    expect((await listMyInvitations(invitee)).map((i) => i.id)).toEqual([invitation.id]);
    expect((await acceptInvitation(invitee, { invitationId: invitation.id }, ctx)).ok).toBe(true);
    expect(await listMyInvitations(invitee)).toEqual([]);
  });
});
