import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isAdmin } from "@/lib/auth/roles";
import { failWith, type Failure } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";
import type { OrgSummary } from "./find-org-access";
import { orgNotFound } from "./messages";

/**
 * The console's authority over organizations: a console admin (the install's
 * owner, a stored admin, ADMIN_EMAILS; lib/auth/roles.ts), whatever their
 * role in the organization, if any. The pages and actions check it through
 * requireAdmin first; the lib functions check it again, as every lib
 * function checks its own permission.
 */
export const CONSOLE_ONLY = "Only console admins can do this.";

/** Null when `actor` is a console admin; else the failure to return. */
export async function refuseUnlessConsoleAdmin(actor: CurrentUser): Promise<Failure | null> {
  return (await isAdmin(actor)) ? null : failWith("forbidden", CONSOLE_ONLY);
}

/** The organization `organizationId` names (untrusted input), for a console admin. */
export async function findConsoleOrganization(actor: CurrentUser, organizationId: unknown): Promise<Result<OrgSummary & { createdAt: Date }>> {
  const refused = await refuseUnlessConsoleAdmin(actor);
  if (refused) return refused;
  if (typeof organizationId !== "string" || !organizationId || organizationId.length > 64) return orgNotFound();
  const org = await db.organization.findUnique({
    where: { id: organizationId },
    select: { id: true, slug: true, name: true, logoUrl: true, createdAt: true },
  });
  return org ? ok(org) : orgNotFound();
}
