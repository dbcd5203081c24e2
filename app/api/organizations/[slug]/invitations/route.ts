import { apiRoute } from "@/lib/api/route";
import { json, respond } from "@/lib/api/response";
import { invitationsQuery, inviteBody } from "@/lib/orgs/api-schemas";
import { inviteMembers } from "@/lib/orgs/invite-members";
import { listInvitations } from "@/lib/orgs/list-invitations";

const params = ["slug"] as const;

/** GET /api/organizations/{slug}/invitations?status=&limit= → {invitations}, newest first, each with its email's delivery status. */
export const GET = apiRoute({ params, query: invitationsQuery }, async ({ user, params: { slug }, query }) =>
  respond(await listInvitations(user, slug, query), (invitations) => json({ invitations })),
);

/** POST /api/organizations/{slug}/invitations {emails, role} → {outcomes}: one per address (invited, resent, already_member …). */
export const POST = apiRoute({ params, body: inviteBody }, async ({ user, ctx, params: { slug }, body }) =>
  respond(await inviteMembers(user, slug, body, ctx), (done) => json(done)),
);
