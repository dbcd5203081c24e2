import { apiRoute } from "@/lib/api/route";
import { json, respond } from "@/lib/api/response";
import { listSessions, revokeOthers } from "@/lib/account/sessions";

/** GET /api/my-account/sessions → {sessions}, this one first. */
export const GET = apiRoute(async ({ user }) => json({ sessions: await listSessions(user) }));

/** DELETE /api/my-account/sessions + X-Verification-Id → {count}; every session but this one ends. */
export const DELETE = apiRoute(async ({ user, ctx, verificationId }) =>
  respond(await revokeOthers(user, verificationId, ctx), (done) => json(done)),
);
