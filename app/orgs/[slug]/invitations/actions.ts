"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { boundAction, field } from "@/lib/action";
import { orgRole } from "@/lib/action-guards";
import { inviteMembers } from "@/lib/orgs/invite-members";
import { resendInvitation } from "@/lib/orgs/resend-invitation";
import { revokeInvitation } from "@/lib/orgs/revoke-invitation";
import { errorState } from "@/lib/result";
import type { InviteState } from "@/components/orgs/invite-form";
import { redirectDone } from "../../done";

/* The invitations page; bound to the organization's slug, for owners and admins (orgRole("admin")). */
const bound = z.tuple([z.string().max(64)]);
const guard = orgRole("admin");
const page = (slug: string) => `/orgs/${slug}/invitations`;

export const inviteMembersAction = boundAction(
  { guard, bound, input: z.object({ emails: field(10_000), role: field(20) }), refill: ["emails", "role"] },
  async ({ user, org, input, ctx }): Promise<InviteState> => {
    const result = await inviteMembers(user, org.organization.slug, input, ctx);
    if (!result.ok) return errorState(result);
    // The list under the form shows the new invitations (with JavaScript the page is not reloaded).
    revalidatePath(page(org.organization.slug));
    return { status: "invited", outcomes: result.value.outcomes };
  },
);

const invitation = z.object({ invitationId: field(64) });

export const resendInvitationAction = boundAction({ guard, bound, input: invitation }, async ({ user, org, input, ctx }) => {
  const result = await resendInvitation(user, org.organization.slug, input.invitationId, ctx);
  if (!result.ok) return errorState(result);
  redirectDone(page(org.organization.slug), "resent");
});

export const revokeInvitationAction = boundAction({ guard, bound, input: invitation }, async ({ user, org, input, ctx }) => {
  const result = await revokeInvitation(user, org.organization.slug, input.invitationId, ctx);
  if (!result.ok) return errorState(result);
  redirectDone(page(org.organization.slug), "revoked");
});
