import "server-only";
import { recordEvent } from "@/lib/account/audit";
import { failField } from "@/lib/errors/failure";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import { ok, type Result } from "@/lib/result";
import { checkOrgPermission } from "./check-org-permission";
import type { OrgSummary } from "./find-org-access";
import { lockedPermission, withOrgLock } from "./lock-organization";
import { orgAuditCtx } from "./org-audit";
import { allFieldErrors, isSlugConflict, parseLogoUrl, parseOrgName, parseOrgSlug, SLUG_TAKEN } from "./validate-organization";
import type { OrganizationInput } from "./create-organization";

/**
 * Renames an organization, changes its URL name or logo (owners and admins).
 * A field left undefined keeps its value; an empty logo URL removes the logo.
 * A new slug changes the organization's address: old links stop working.
 */
export async function updateOrganization(
  actor: CurrentUser, slug: unknown, input: Partial<OrganizationInput>, ctx: RequestContext,
): Promise<Result<OrgSummary>> {
  const access = await checkOrgPermission(actor.id, slug, "update_settings");
  if (!access.ok) return access;
  const current = access.value.organization;
  const name = input.name === undefined ? ok(current.name) : parseOrgName(input.name);
  const newSlug = input.slug === undefined ? ok(current.slug) : parseOrgSlug(input.slug);
  const logoUrl = input.logoUrl === undefined ? ok(current.logoUrl) : parseLogoUrl(input.logoUrl);
  if (!name.ok || !newSlug.ok || !logoUrl.ok) return allFieldErrors(name, newSlug, logoUrl)!;

  const next: OrgSummary = { id: current.id, name: name.value, slug: newSlug.value, logoUrl: logoUrl.value };
  try {
    const updated = await withOrgLock(current.id, async (tx) => {
      await lockedPermission(tx, current.id, actor.id, "update_settings");
      await tx.organization.update({ where: { id: current.id }, data: { name: next.name, slug: next.slug, logoUrl: next.logoUrl } });
      const changed = (["name", "slug", "logoUrl"] as const).filter((key) => next[key] !== current[key]);
      if (changed.length > 0) {
        await recordEvent("org_updated", orgAuditCtx(actor.id, current.id, ctx), { organization: next.name, changed: changed.join(",") }, tx);
      }
    });
    return updated.ok ? ok(next) : updated;
  } catch (error) {
    if (isSlugConflict(error)) return failField("slug", SLUG_TAKEN, "conflict");
    throw error;
  }
}
