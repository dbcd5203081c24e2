import { apiRoute } from "@/lib/api/route";
import { json, respond } from "@/lib/api/response";
import { listMembers } from "@/lib/orgs/list-members";

/** GET /api/organizations/{slug}/members → {role, members}: my role, and every member (owners first). */
export const GET = apiRoute({ params: ["slug"] }, async ({ user, params: { slug } }) =>
  respond(await listMembers(user, slug), ({ access, members }) => json({ role: access.role, members })),
);
