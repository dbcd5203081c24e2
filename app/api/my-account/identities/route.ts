import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { apiFailure, json } from "@/lib/api/response";
import { providerAuthorizationUrl } from "@/lib/auth/next-auth";
import { CONNECTIONS_PAGE, startConnect } from "@/lib/social/connect";
import { listIdentities } from "@/lib/social/identities";

/** GET /api/my-account/identities → {identities}, oldest first. */
export const GET = apiRoute(async ({ user }) => json({ identities: await listIdentities(user.id) }));

/**
 * POST /api/my-account/identities {connectorId} → 201 {authorizationUrl}:
 * send the browser there (a top-level navigation, not fetch: the provider's
 * sign-in page is another site). The connect flow and next-auth's state
 * cookies are set on this response, so it must be the same browser; the
 * provider sends it back to /account/connections?status=….
 */
export const POST = apiRoute({ body: z.object({ connectorId: z.string().min(1).max(100) }) }, async ({ user, body }) => {
  const started = await startConnect(user, body.connectorId, (connectorId) => providerAuthorizationUrl(connectorId, CONNECTIONS_PAGE));
  if (!started.ok) return apiFailure(started);
  return json({ authorizationUrl: started.value.authorizationUrl }, 201);
});
