import { apiRoute } from "@/lib/api/route";
import { json, respond } from "@/lib/api/response";
import { createOrganizationBody } from "@/lib/orgs/api-schemas";
import { createOrganization } from "@/lib/orgs/create-organization";
import { listMyOrganizations } from "@/lib/orgs/list-my-organizations";

/** GET /api/organizations → {organizations}: mine, in the order I joined, each with my role and its member count. */
export const GET = apiRoute(async ({ user }) => {
  const mine = await listMyOrganizations(user);
  return json({ organizations: mine.map(({ organization, role, joinedAt, memberCount }) => ({ ...organization, role, joinedAt, memberCount })) });
});

/** POST /api/organizations {name, slug, logoUrl?} → 201 the organization; I am its owner and this session works in it. */
export const POST = apiRoute({ body: createOrganizationBody }, async ({ user, ctx, body }) =>
  respond(await createOrganization(user, { name: body.name, slug: body.slug, logoUrl: body.logoUrl }, ctx), (organization) => json({ ...organization, role: "owner" }, 201)),
);
