import { apiRoute } from "@/lib/api/route";
import { json } from "@/lib/api/response";
import { listIdentities } from "@/lib/social/identities";

/** GET /api/my-account/identities → {identities}, oldest first. */
export const GET = apiRoute(async ({ user }) => json({ identities: await listIdentities(user.id) }));
