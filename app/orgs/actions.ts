"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { action, field, formAction } from "@/lib/action";
import { signedIn } from "@/lib/action-guards";
import { acceptInvitation } from "@/lib/orgs/accept-invitation";
import { declineInvitation } from "@/lib/orgs/decline-invitation";
import { goneMessage, goneParts } from "@/lib/orgs/invitation-gone";
import type { Translate } from "@/lib/i18n/translator";
import { setActiveOrganization } from "@/lib/orgs/set-active-organization";
import type { Failure } from "@/lib/errors/failure";
import { errorState, type ActionState } from "@/lib/result";
import { redirectDone } from "./done";

/* The invitations addressed to me (/orgs), by id, and the header's organization switcher. */

const invitation = z.object({ invitationId: field(64) });

/** A refusal; an invitation that closed meanwhile is told from its parts, in the invitation page's words and the reader's language. */
async function refusalState(failure: Failure): Promise<ActionState> {
  const gone = goneParts(failure);
  if (!gone) return errorState(failure);
  return { status: "error", formError: goneMessage((await getTranslations("invite")) as Translate, gone) };
}

export const acceptInvitationAction = action({ guard: signedIn, input: invitation }, async ({ user, input, ctx }) => {
  const result = await acceptInvitation(user, { invitationId: input.invitationId }, ctx);
  if (!result.ok) return refusalState(result);
  redirectDone(`/orgs/${result.value.organization.slug}`, "joined");
});

export const declineInvitationAction = action({ guard: signedIn, input: invitation }, async ({ user, input, ctx }) => {
  const result = await declineInvitation(user, { invitationId: input.invitationId }, ctx);
  if (!result.ok) return refusalState(result);
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
