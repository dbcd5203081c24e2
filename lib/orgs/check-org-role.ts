import "server-only";
import { failWith } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";
import { findOrgAccess, type OrgAccess } from "./find-org-access";
import { orgNotFound } from "./messages";
import { atLeast, ROLE_LABELS, type OrgRole } from "./permissions";

/**
 * `userId` is a member of `slug` with `minimum` or a higher role. For JSON
 * routes and lib code that scope by organization (pages use requireOrgRole):
 * not_found for non-members, forbidden for a lower role.
 */
export async function checkOrgRole(userId: string, slug: unknown, minimum: OrgRole = "member"): Promise<Result<OrgAccess>> {
  const access = await findOrgAccess(userId, slug);
  if (!access) return orgNotFound();
  if (atLeast(access.role, minimum)) return ok(access);
  const needed = minimum === "owner" ? "an owner" : `an ${ROLE_LABELS[minimum].toLowerCase()}`;
  return failWith("forbidden", `You need to be ${needed} of ${access.organization.name} to do this.`);
}
