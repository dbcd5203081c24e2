"use server";

import { z } from "zod";
import { action, field, formAction } from "@/lib/action";
import { signedIn } from "@/lib/action-guards";
import { acceptInvitation } from "@/lib/orgs/accept-invitation";
import { declineInvitation } from "@/lib/orgs/decline-invitation";
import { setActiveOrganization } from "@/lib/orgs/set-active-organization";
import { errorState } from "@/lib/result";
import { redirectDone } from "./done";

/* The invitations addressed to me (/orgs), by id, and the header's organization switcher. */

const invitation = z.object({ invitationId: field(64) });

export const acceptInvitationAction = action({ guard: signedIn, input: invitation }, async ({ user, input, ctx }) => {
  const result = await acceptInvitation(user, { invitationId: input.invitationId }, ctx);
  if (!result.ok) return errorState(result);
  redirectDone(`/orgs/${result.value.organization.slug}`, "joined");
});

export const declineInvitationAction = action({ guard: signedIn, input: invitation }, async ({ user, input, ctx }) => {
  const result = await declineInvitation(user, { invitationId: input.invitationId }, ctx);
  if (!result.ok) return errorState(result);
  redirectDone("/orgs", "declined");
});

/**
 * A plain form in the header, so it works without JavaScript. An
 * organization the user no longer belongs to changes nothing; the page they
 * land on (its 404) says the rest.
 */
export const switchOrganizationAction = formAction({ guard: signedIn, input: z.object({ slug: field(64) }) }, async ({ user, input }) => {
  const result = await setActiveOrganization(user, input.slug);
  redirectDone(result.ok ? `/orgs/${result.value.organization.slug}` : "/orgs");
});
