import { apiRoute } from "@/lib/api/route";
import { json, respond } from "@/lib/api/response";
import { activityQuery } from "@/lib/orgs/api-schemas";
import { listOrganizationActivity } from "@/lib/orgs/list-organization-activity";

/** GET /api/organizations/{slug}/activity?limit=100 → {events}, newest first (owners and admins). */
export const GET = apiRoute({ params: ["slug"], query: activityQuery }, async ({ user, params: { slug }, query }) =>
  respond(await listOrganizationActivity(user, slug, query.limit), (events) => json({ events })),
);
