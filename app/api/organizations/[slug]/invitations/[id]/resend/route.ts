import { apiRoute } from "@/lib/api/route";
import { noBody } from "@/lib/api/input";
import { json, respond } from "@/lib/api/response";
import { resendInvitation } from "@/lib/orgs/resend-invitation";

/** POST /api/organizations/{slug}/invitations/{id}/resend → {invitationId, delivery}; 429 inside the 60 s cooldown or after 5 sends. */
export const POST = apiRoute({ params: ["slug", "id"], body: noBody }, async ({ user, ctx, params: { slug, id } }) =>
  respond(await resendInvitation(user, slug, id, ctx), (sent) => json(sent)),
);
