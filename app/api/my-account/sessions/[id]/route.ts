import { apiRoute } from "@/lib/api/route";
import { noContent, respond } from "@/lib/api/response";
import { revokeOne } from "@/lib/account/sessions";

/** DELETE /api/my-account/sessions/{id} + X-Verification-Id → 204. */
export const DELETE = apiRoute<{ id: string }>(async ({ user, ctx, params, verificationId }) =>
  respond(await revokeOne(user, verificationId, params.id, ctx), noContent),
);
