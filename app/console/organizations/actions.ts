"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action, field } from "@/lib/action";
import { admin as guard } from "@/lib/action-guards";
import { removeMemberFromConsole } from "@/lib/orgs/console-remove-member";
import { revokeInvitationFromConsole } from "@/lib/orgs/console-revoke-invitation";
import { errorState, type ActionState, type Result } from "@/lib/result";
import type { OrganizationChange } from "./done";

/**
 * A console admin's changes to an organization, by their console authority
 * (lib/orgs/console-*.ts), not by a role in it. Done: back to the
 * organization's page, which shows the new state and says what was done.
 */
function done(result: Result<null>, organizationId: string, change: OrganizationChange): ActionState {
  if (!result.ok) return errorState(result);
  redirect(`/console/organizations/${encodeURIComponent(organizationId)}?done=${change}`);
}

export const revokeInvitationAction = action(
  { guard, input: z.object({ organizationId: field(64), invitationId: field(64) }) },
  async ({ user, input, ctx }) => done(await revokeInvitationFromConsole(user, input.organizationId, input.invitationId, ctx), input.organizationId, "revoked"),
);

export const removeMemberAction = action(
  { guard, input: z.object({ organizationId: field(64), userId: field(64) }) },
  async ({ user, input, ctx }) => done(await removeMemberFromConsole(user, input.organizationId, input.userId, ctx), input.organizationId, "removed"),
);
