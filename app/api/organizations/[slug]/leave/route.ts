import { apiRoute } from "@/lib/api/route";
import { noBody } from "@/lib/api/input";
import { noContent, respond } from "@/lib/api/response";
import { leaveOrganization } from "@/lib/orgs/leave-organization";

/** POST /api/organizations/{slug}/leave → 204; the last owner gets 409. */
export const POST = apiRoute({ params: ["slug"], body: noBody }, async ({ user, ctx, params: { slug } }) =>
  respond(await leaveOrganization(user, slug, ctx), noContent),
);
