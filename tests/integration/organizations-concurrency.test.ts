import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeCtx, makeUser, inOtherSession } from "@/lib/account/test-fixtures";
import { acceptInvitation } from "@/lib/orgs/accept-invitation";
import { changeMemberRole } from "@/lib/orgs/change-member-role";
import { inviteMembers } from "@/lib/orgs/invite-members";
import { resendInvitation } from "@/lib/orgs/resend-invitation";
import { addMember, inviteeAddress, latestInvitationToken, makeOrg } from "@/lib/orgs/test-fixtures";
import { startSecondInstance, type Instance } from "./second-instance";

/**
 * The organization rules that must hold when requests race, with two app
 * instances (this process and a child process) sharing one database,
 * SQLite file or PostgreSQL: one membership per invitation, one email per
 * cooldown, and an owner left however owners demote each other.
 */
let instance: Instance;
beforeAll(async () => {
  instance = await startSecondInstance({ renders: true });
}, 60_000);
afterAll(() => instance?.stop());

const fns = () => [
  { acceptInvitation, resendInvitation, changeMemberRole },
  {
    acceptInvitation: ((...args) => instance.call("acceptInvitation", ...args)) as typeof acceptInvitation,
    resendInvitation: ((...args) => instance.call("resendInvitation", ...args)) as typeof resendInvitation,
    changeMemberRole: ((...args) => instance.call("changeMemberRole", ...args)) as typeof changeMemberRole,
  },
] as const;
const pick = (i: number) => fns()[i % 2]!;

async function pendingInvitation() {
  const { org, owner } = await makeOrg();
  const email = inviteeAddress();
  const invited = await inviteMembers(owner, org.slug, { emails: email, role: "member" }, makeCtx());
  if (!invited.ok) throw new Error(JSON.stringify(invited));
  const invitation = await db.invitation.findFirstOrThrow({ where: { organizationId: org.id, email } });
  return { org, owner, email, invitation, token: await latestInvitationToken(email) };
}

describe("organizations under concurrency (two app instances, one database)", () => {
  it("20 concurrent accepts of one invitation make exactly one membership", async () => {
    const { org, email, token } = await pendingInvitation();
    const invitee = await makeUser({ email });
    const sessions = await Promise.all(Array.from({ length: 20 }, () => inOtherSession(invitee)));
    const results = await Promise.all(sessions.map((user, i) => pick(i).acceptInvitation(user, { token }, makeCtx())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.every((r) => r.ok || (r as { code?: string }).code === "gone")).toBe(true);
    expect(await db.membership.count({ where: { organizationId: org.id, userId: invitee.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { organizationId: org.id, type: "org_invitation_accepted" } })).toBe(1);
  });

  it("concurrent resends respect the cooldown: exactly one email goes out", async () => {
    const { org, owner, email, invitation } = await pendingInvitation();
    const admin = await addMember(org, "admin");
    await db.invitation.update({ where: { id: invitation.id }, data: { lastSentAt: new Date(Date.now() - 61_000) } });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => pick(i).resendInvitation(i % 3 ? owner : admin, org.slug, invitation.id, makeCtx())),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.every((r) => r.ok || (r as { code?: string }).code === "rate_limited")).toBe(true);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).sendCount).toBe(2);
    expect(await db.emailMessage.count({ where: { recipient: email, purpose: "OrganizationInvitationNotice" } })).toBe(2);
    expect(await db.devMailboxMessage.count({ where: { to: email } })).toBe(2);
  });

  it("two owners demoting each other at once: one of them stays owner (10 rounds)", async () => {
    for (let round = 0; round < 10; round += 1) {
      const { org, owner: a } = await makeOrg();
      const b = await addMember(org, "owner");
      const [ab, ba] = await Promise.all([
        pick(round).changeMemberRole(a, org.slug, b.id, "member", makeCtx()),
        pick(round + 1).changeMemberRole(b, org.slug, a.id, "member", makeCtx()),
      ]);
      expect([ab.ok, ba.ok].filter(Boolean)).toHaveLength(1);
      expect(await db.membership.count({ where: { organizationId: org.id, role: "owner" } })).toBe(1);
    }
  });

  it("three owners each demoting themselves at once: one stays owner", async () => {
    const { org, owner } = await makeOrg();
    const owners = [owner, await addMember(org, "owner"), await addMember(org, "owner")];
    const results = await Promise.all(owners.map((o, i) => pick(i).changeMemberRole(o, org.slug, o.id, "admin", makeCtx())));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "conflict" });
    expect(await db.membership.count({ where: { organizationId: org.id, role: "owner" } })).toBe(1);
  });
});
