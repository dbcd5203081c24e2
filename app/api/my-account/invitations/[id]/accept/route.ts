import { apiRoute } from "@/lib/api/route";
import { noBody } from "@/lib/api/input";
import { json, respond } from "@/lib/api/response";
import { acceptInvitation } from "@/lib/orgs/accept-invitation";

/** POST /api/my-account/invitations/{id}/accept → {organization, role, alreadyMember}; 410 once it is revoked, expired or used. */
export const POST = apiRoute({ params: ["id"], body: noBody }, async ({ user, ctx, params: { id } }) =>
  respond(await acceptInvitation(user, { invitationId: id }, ctx), (accepted) => json(accepted)),
);
