import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeCtx } from "@/lib/account/test-fixtures";
import { updateSettings } from "@/lib/settings/get-settings";
import { signInExperienceSchema } from "@/lib/settings/schema";
import { getDevMessage, listDevMessages } from "@/lib/connectors/dev/mailbox";
import { inviteMembers } from "./invite-members";
import { resendInvitation } from "./resend-invitation";
import { revokeInvitation } from "./revoke-invitation";
import { inviteeAddress, makeOrg } from "./test-fixtures";

const ctx = makeCtx();
const addresses = (n: number) => Array.from({ length: n }, () => inviteeAddress());

async function inviteMany(owner: Parameters<typeof inviteMembers>[0], slug: string, total: number) {
  for (let sent = 0; sent < total; sent += 20) {
    const result = await inviteMembers(owner, slug, { emails: addresses(Math.min(20, total - sent)), role: "member" }, ctx);
    if (!result.ok || result.value.outcomes.some((o) => o.status !== "invited")) throw new Error(JSON.stringify(result));
  }
}

describe("the organization's invitation limits (defaults: 50 pending, 100 emails a day)", () => {
  it("keeps at most 50 pending invitations; revoking one makes room", async () => {
    const { org, owner } = await makeOrg();
    await inviteMany(owner, org.slug, 50);
    const over = await inviteMembers(owner, org.slug, { emails: inviteeAddress(), role: "member" }, ctx);
    expect(over).toMatchObject({ ok: false, code: "rate_limited", formError: expect.stringMatching(/50 pending invitations/) });
    const one = await db.invitation.findFirstOrThrow({ where: { organizationId: org.id } });
    expect((await revokeInvitation(owner, org.slug, one.id, ctx)).ok).toBe(true);
    expect(await inviteMembers(owner, org.slug, { emails: inviteeAddress(), role: "member" }, ctx)).toMatchObject({ ok: true });
    expect(await db.invitation.count({ where: { organizationId: org.id, status: "pending" } })).toBe(50);
  });

  it("sends at most 100 invitation emails per organization per day, resends included", async () => {
    await updateSettings({ signInExperience: { invitations: { expiryDays: 7, maxEmailsPerOrgPerDay: 100, maxPendingPerOrg: 500 } } });
    const { org, owner } = await makeOrg();
    await inviteMany(owner, org.slug, 100);
    expect(await inviteMembers(owner, org.slug, { emails: inviteeAddress(), role: "member" }, ctx)).toMatchObject({
      ok: false, code: "rate_limited", formError: expect.stringMatching(/100 invitation emails for today/),
    });
    const one = await db.invitation.findFirstOrThrow({ where: { organizationId: org.id } });
    await db.invitation.update({ where: { id: one.id }, data: { lastSentAt: new Date(Date.now() - 61_000) } });
    expect(await resendInvitation(owner, org.slug, one.id, ctx)).toMatchObject({ ok: false, code: "rate_limited", formError: expect.stringMatching(/for today/) });
    // Another organization has its own allowance.
    const other = await makeOrg();
    expect(await inviteMembers(other.owner, other.org.slug, { emails: inviteeAddress(), role: "member" }, ctx)).toMatchObject({ ok: true });
    await updateSettings({ signInExperience: { invitations: signInExperienceSchema.parse({}).invitations } });
  });

  it("gives an invitation the expiry the settings say, and says so in its email", async () => {
    await updateSettings({ signInExperience: { invitations: { ...signInExperienceSchema.parse({}).invitations, expiryDays: 3 } } });
    try {
      const { org, owner } = await makeOrg();
      const email = inviteeAddress();
      const before = Date.now();
      expect(await inviteMembers(owner, org.slug, { emails: email, role: "member" }, ctx)).toMatchObject({ ok: true });
      const invitation = await db.invitation.findFirstOrThrow({ where: { organizationId: org.id } });
      const days = (invitation.expiresAt.getTime() - before) / 86_400_000;
      expect(days).toBeGreaterThan(2.99);
      expect(days).toBeLessThan(3.01);
      const [summary] = await listDevMessages({ to: email, limit: 1 });
      expect((await getDevMessage(summary!.id))?.text).toMatch(/3 days/);
    } finally {
      await updateSettings({ signInExperience: { invitations: signInExperienceSchema.parse({}).invitations } });
    }
  });

  it("bounds the settings: the limits cannot be set to nothing or to unsafe values", () => {
    const parse = (invitations: object) => signInExperienceSchema.safeParse({ invitations }).success;
    expect(parse({ maxEmailsPerOrgPerDay: 0 })).toBe(false);
    expect(parse({ maxEmailsPerOrgPerDay: 1001 })).toBe(false);
    expect(parse({ maxPendingPerOrg: 501 })).toBe(false);
    expect(parse({ expiryDays: 31 })).toBe(false);
    expect(signInExperienceSchema.parse({}).invitations).toEqual({ expiryDays: 7, maxEmailsPerOrgPerDay: 100, maxPendingPerOrg: 50 });
  });
});
