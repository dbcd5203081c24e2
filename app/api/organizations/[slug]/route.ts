import { apiRoute } from "@/lib/api/route";
import { json, noContent, respond } from "@/lib/api/response";
import { deleteOrganizationBody, orgJson, updateOrganizationBody } from "@/lib/orgs/api-schemas";
import { checkOrgRole } from "@/lib/orgs/check-org-role";
import { deleteOrganization } from "@/lib/orgs/delete-organization";
import { updateOrganization } from "@/lib/orgs/update-organization";

const params = ["slug"] as const;

/** GET /api/organizations/{slug} → the organization with my role; 404 unless I am a member. */
export const GET = apiRoute({ params }, async ({ user, params: { slug } }) => respond(await checkOrgRole(user.id, slug), (access) => json(orgJson(access))));

/** PATCH /api/organizations/{slug} {name?, slug?, logoUrl?} → the organization (owners and admins). A new slug is its new address. */
export const PATCH = apiRoute({ params, body: updateOrganizationBody }, async ({ user, ctx, params: { slug }, body }) =>
  respond(await updateOrganization(user, slug, body, ctx), (organization) => json(organization)),
);

/** DELETE /api/organizations/{slug} {name} + X-Verification-Id → 204 (owners; the name typed exactly). */
export const DELETE = apiRoute({ params, body: deleteOrganizationBody }, async ({ user, ctx, params: { slug }, body, verificationId }) =>
  respond(await deleteOrganization(user, slug, verificationId, body.name, ctx), noContent),
);
