import { apiRoute } from "@/lib/api/route";
import { noBody } from "@/lib/api/input";
import { noContent, respond } from "@/lib/api/response";
import { revokeInvitation } from "@/lib/orgs/revoke-invitation";

/** DELETE /api/organizations/{slug}/invitations/{id} → 204: revoked; its link stops working at once. */
export const DELETE = apiRoute({ params: ["slug", "id"], body: noBody }, async ({ user, ctx, params: { slug, id } }) =>
  respond(await revokeInvitation(user, slug, id, ctx), noContent),
);
