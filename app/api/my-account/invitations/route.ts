import { apiRoute } from "@/lib/api/route";
import { json } from "@/lib/api/response";
import { listMyInvitations } from "@/lib/orgs/list-my-invitations";

/** GET /api/my-account/invitations → {invitations}: pending ones addressed to my verified address. */
export const GET = apiRoute(async ({ user }) => json({ invitations: await listMyInvitations(user) }));
