import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/account/audit";
import { failField } from "@/lib/errors/failure";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import { ok, type Result } from "@/lib/result";
import type { OrgSummary } from "./find-org-access";
import { orgAuditCtx } from "./org-audit";
import { allFieldErrors, isSlugConflict, parseLogoUrl, parseOrgName, parseOrgSlug, SLUG_TAKEN } from "./validate-organization";

export type OrganizationInput = { name: unknown; slug: unknown; logoUrl?: unknown };

/**
 * A signed-in user creates an organization and becomes its owner. The
 * organization, the membership, the event and the session's switch to it
 * are one transaction; a slug someone else took meanwhile is the unique
 * index's answer, reported on the field.
 */
export async function createOrganization(actor: CurrentUser, input: OrganizationInput, ctx: RequestContext): Promise<Result<OrgSummary>> {
  const name = parseOrgName(input.name);
  const slug = parseOrgSlug(input.slug);
  const logoUrl = parseLogoUrl(input.logoUrl);
  if (!name.ok || !slug.ok || !logoUrl.ok) return allFieldErrors(name, slug, logoUrl)!;
  const organization: OrgSummary = { id: randomUUID(), slug: slug.value, name: name.value, logoUrl: logoUrl.value };
  try {
    await db.$transaction(async (tx) => {
      await tx.organization.create({ data: organization });
      await tx.membership.create({ data: { id: randomUUID(), organizationId: organization.id, userId: actor.id, role: "owner" } });
      await tx.session.updateMany({ where: { id: actor.sessionId, userId: actor.id }, data: { activeOrganizationId: organization.id } });
      await recordEvent("org_created", orgAuditCtx(actor.id, organization.id, ctx), { organization: organization.name }, tx);
    });
  } catch (error) {
    if (isSlugConflict(error)) return failField("slug", SLUG_TAKEN, "conflict");
    throw error;
  }
  return ok(organization);
}
