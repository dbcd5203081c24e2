"use server";

import { z } from "zod";
import { clearStepUpCookie, readStepUpCookie } from "@/lib/account/step-up-cookie";
import { boundAction, field } from "@/lib/action";
import { orgRole } from "@/lib/action-guards";
import { deleteOrganization } from "@/lib/orgs/delete-organization";
import { updateOrganization } from "@/lib/orgs/update-organization";
import { errorState } from "@/lib/result";
import { stepUpFailure } from "@/app/account/guard";
import { redirectDone } from "../../done";

/*
 * The settings page. The current slug is bound (the orgRole guard reads the
 * first bound argument), because the form's own `slug` field is the new one.
 */
const bound = z.tuple([z.string().max(64)]);

export const updateOrganizationAction = boundAction(
  { guard: orgRole("admin"), bound, input: z.object({ name: field(200), slug: field(200), logoUrl: field(1000) }), refill: ["name", "slug", "logoUrl"] },
  async ({ user, org, input, ctx }) => {
    const result = await updateOrganization(user, org.organization.slug, input, ctx);
    if (!result.ok) return errorState(result);
    // A new slug is a new address: go on from there.
    redirectDone(`/orgs/${result.value.slug}/settings`, "saved");
  },
);

/** After "Confirm it's you" (its cookie) and the typed name; without a fresh proof, off to confirm and back. */
export const deleteOrganizationAction = boundAction(
  { guard: orgRole("owner"), bound, input: z.object({ name: field(200) }) },
  async ({ user, org, input, ctx }) => {
    const slug = org.organization.slug;
    const result = await deleteOrganization(user, slug, await readStepUpCookie(), input.name, ctx);
    if (!result.ok) return stepUpFailure(result, `/orgs/${slug}/settings`);
    await clearStepUpCookie();
    redirectDone("/orgs", "deleted");
  },
);
