import { apiRoute } from "@/lib/api/route";
import { noBody } from "@/lib/api/input";
import { noContent, respond } from "@/lib/api/response";
import { declineInvitation } from "@/lib/orgs/decline-invitation";

/** POST /api/my-account/invitations/{id}/decline → 204. */
export const POST = apiRoute({ params: ["id"], body: noBody }, async ({ user, ctx, params: { id } }) =>
  respond(await declineInvitation(user, { invitationId: id }, ctx), noContent),
);
