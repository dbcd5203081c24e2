import { accountRoute } from "@/lib/account/api";
import { noContent, respond } from "@/lib/account/api-response";
import { revokeOne } from "@/lib/account/sessions";

/** DELETE /api/my-account/sessions/{id} + X-Verification-Id → 204. */
export const DELETE = accountRoute<{ id: string }>(async ({ user, ctx, params, verificationId }) =>
  respond(await revokeOne(user, verificationId, params.id, ctx), noContent),
);
