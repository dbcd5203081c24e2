import "server-only";
import { giveBack, take, type Taken } from "@/lib/otp/rate-limit";
import type { InvitationLimits } from "@/lib/settings/schema";

const DAY = 24 * 60 * 60 * 1000;

/**
 * One invitation email out of the organization's daily allowance
 * (maxEmailsPerOrgPerDay, sliding over 24 hours, shared by every app
 * instance: lib/otp/rate-limit.ts). Taken before the email is written, so
 * concurrent invitations cannot all slip past the limit; given back when
 * the email is not written after all.
 */
export async function takeInvitationEmail(organizationId: string, limits: InvitationLimits): Promise<Taken | null> {
  const taken = await take(`org-invite-emails:${organizationId}`, limits.maxEmailsPerOrgPerDay, DAY);
  return taken.allowed ? taken : null;
}

export async function returnInvitationEmail(taken: Taken): Promise<void> {
  await giveBack(taken);
}

export const dailyLimitMessage = (limits: InvitationLimits) =>
  `This organization has sent its ${limits.maxEmailsPerOrgPerDay} invitation emails for today. Try again tomorrow.`;
