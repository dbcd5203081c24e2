import "server-only";
import { ok, type Result } from "@/lib/result";
import { findOrgAccess, type OrgAccess } from "./find-org-access";
import { orgNotFound, refused } from "./messages";
import { can, type OrgAction } from "./permissions";

/**
 * The first check of every organization operation: a member of `slug`
 * whose role allows `action`. A non-member gets not_found (the same as a
 * missing organization), a member without the right forbidden. Writes that
 * depend on roles check again under the organization's lock.
 */
export async function checkOrgPermission(userId: string, slug: unknown, action: OrgAction): Promise<Result<OrgAccess>> {
  const access = await findOrgAccess(userId, slug);
  if (!access) return orgNotFound();
  return can(access.role, action) ? ok(access) : refused(action);
}
