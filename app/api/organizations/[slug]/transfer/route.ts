import { apiRoute } from "@/lib/api/route";
import { noContent, respond } from "@/lib/api/response";
import { transferBody } from "@/lib/orgs/api-schemas";
import { transferOwnership } from "@/lib/orgs/transfer-ownership";

/** POST /api/organizations/{slug}/transfer {userId} → 204: that member becomes an owner, I become an admin (owners only). */
export const POST = apiRoute({ params: ["slug"], body: transferBody }, async ({ user, ctx, params: { slug }, body }) =>
  respond(await transferOwnership(user, slug, body.userId, ctx), noContent),
);
