import "server-only";
import { notFound, redirect } from "next/navigation";
import type { CurrentUser } from "@/lib/auth/current-user";
import { requireAccountUser } from "@/lib/auth/require-user";
import { findOrgAccess, type OrgAccess } from "./find-org-access";
import { atLeast, type OrgRole } from "./permissions";

/**
 * For pages and actions scoped to one organization (the app's own pages
 * too: docs/organizations.md): the signed-in user (or a redirect to sign-in)
 * who is a member of `slug` with `minimum` or a higher role. A non-member
 * gets the 404 page, exactly as for an organization that does not exist; a
 * member with a lower role is sent to the organization's home page, which
 * every member may see. JSON routes use checkOrgRole (coded failures) instead.
 */
export async function requireOrgRole(slug: unknown, minimum: OrgRole = "member"): Promise<OrgAccess & { user: CurrentUser }> {
  const user = await requireAccountUser();
  const access = await findOrgAccess(user.id, slug);
  if (!access) notFound();
  if (!atLeast(access.role, minimum)) redirect(`/orgs/${access.organization.slug}`);
  return { ...access, user };
}
