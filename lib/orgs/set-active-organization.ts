import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ok, type Result } from "@/lib/result";
import { findOrgAccess, type OrgAccess } from "./find-org-access";
import { orgNotFound } from "./messages";

/** Remembers `slug` as this session's organization (the header's switcher); only an organization the user belongs to. */
export async function setActiveOrganization(user: CurrentUser, slug: unknown): Promise<Result<OrgAccess>> {
  const access = await findOrgAccess(user.id, slug);
  if (!access) return orgNotFound();
  await db.session.updateMany({ where: { id: user.sessionId, userId: user.id }, data: { activeOrganizationId: access.organization.id } });
  return ok(access);
}
