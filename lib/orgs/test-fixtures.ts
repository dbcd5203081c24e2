import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { makeCtx, makeUser } from "@/lib/account/test-fixtures";
import { getDevMessage, listDevMessages } from "@/lib/connectors/dev/mailbox";
import { createOrganization } from "./create-organization";
import type { OrgSummary } from "./find-org-access";
import type { OrgRole } from "./permissions";

/**
 * Test helpers for the organization tests (imported only by *.test.ts
 * files, unit and integration): an organization made through the real
 * createOrganization, members added directly, and the invitation link read
 * from the dev mailbox the way the invitee would read it.
 */
export async function makeOrg(owner?: CurrentUser, name = "Acme Research"): Promise<{ org: OrgSummary; owner: CurrentUser }> {
  const who = owner ?? (await makeUser());
  const slug = `org-${randomUUID().slice(0, 8)}`;
  const created = await createOrganization(who, { name, slug }, makeCtx());
  if (!created.ok) throw new Error(`organization not created: ${JSON.stringify(created)}`);
  return { org: created.value, owner: who };
}

/** A new (or given) user as a member with `role`, written directly. */
export async function addMember(org: OrgSummary, role: OrgRole, user?: CurrentUser): Promise<CurrentUser> {
  const member = user ?? (await makeUser());
  await db.membership.create({ data: { id: randomUUID(), organizationId: org.id, userId: member.id, role } });
  return member;
}

/** The token of the latest invitation link emailed to `to` (from the dev mailbox). */
export async function latestInvitationToken(to: string): Promise<string> {
  for (const summary of await listDevMessages({ to, limit: 20 })) {
    const message = await getDevMessage(summary.id);
    const token = message?.text.match(/\/invite\/([A-Za-z0-9_-]{43})/)?.[1];
    if (token) return token;
  }
  throw new Error(`no invitation email for ${to}`);
}

export const roleOf = async (org: OrgSummary, userId: string) =>
  (await db.membership.findUnique({ where: { organizationId_userId: { organizationId: org.id, userId } }, select: { role: true } }))?.role ?? null;

export const inviteeAddress = () => `invitee-${randomUUID().slice(0, 8)}@example.test`;
