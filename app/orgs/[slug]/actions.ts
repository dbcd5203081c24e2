"use server";

import { z } from "zod";
import { boundAction, field } from "@/lib/action";
import { orgRole } from "@/lib/action-guards";
import { changeMemberRole } from "@/lib/orgs/change-member-role";
import { leaveOrganization } from "@/lib/orgs/leave-organization";
import { removeMember } from "@/lib/orgs/remove-member";
import { transferOwnership } from "@/lib/orgs/transfer-ownership";
import { errorState } from "@/lib/result";
import { redirectDone } from "../done";

/*
 * The members page. Each action is bound to the organization's slug
 * (`action.bind(null, slug)`), which the orgRole guard reads; the lib
 * function checks the role again under the organization's lock.
 */
const bound = z.tuple([z.string().max(64)]);
const member = z.object({ userId: field(64) });
const home = (slug: string) => `/orgs/${slug}`;

export const changeRoleAction = boundAction(
  { guard: orgRole("admin"), bound, input: member.extend({ role: field(20) }) },
  async ({ user, org, input, ctx }) => {
    const result = await changeMemberRole(user, org.organization.slug, input.userId, input.role, ctx);
    if (!result.ok) return errorState(result);
    redirectDone(home(org.organization.slug), "role");
  },
);

export const removeMemberAction = boundAction({ guard: orgRole("admin"), bound, input: member }, async ({ user, org, input, ctx }) => {
  const result = await removeMember(user, org.organization.slug, input.userId, ctx);
  if (!result.ok) return errorState(result);
  redirectDone(home(org.organization.slug), "removed");
});

export const transferOwnershipAction = boundAction({ guard: orgRole("owner"), bound, input: member }, async ({ user, org, input, ctx }) => {
  const result = await transferOwnership(user, org.organization.slug, input.userId, ctx);
  if (!result.ok) return errorState(result);
  redirectDone(home(org.organization.slug), "transferred");
});

export const leaveOrganizationAction = boundAction({ guard: orgRole("member"), bound }, async ({ user, org, ctx }) => {
  const result = await leaveOrganization(user, org.organization.slug, ctx);
  if (!result.ok) return errorState(result);
  redirectDone("/orgs", "left");
});
