import { apiRoute } from "@/lib/api/route";
import { json, respond } from "@/lib/api/response";
import { activeOrganizationBody, orgJson } from "@/lib/orgs/api-schemas";
import { findActiveOrganization } from "@/lib/orgs/find-active-organization";
import { setActiveOrganization } from "@/lib/orgs/set-active-organization";

/** GET /api/my-account/active-organization → {organization}: the one this session works in (null when I belong to none). */
export const GET = apiRoute(async ({ user }) => {
  const active = await findActiveOrganization(user);
  return json({ organization: active ? orgJson(active) : null });
});

/** PUT /api/my-account/active-organization {slug} → {organization}: this session now works in it. */
export const PUT = apiRoute({ body: activeOrganizationBody }, async ({ user, body }) =>
  respond(await setActiveOrganization(user, body.slug), (access) => json({ organization: orgJson(access) })),
);
