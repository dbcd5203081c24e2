import { apiRoute } from "@/lib/api/route";
import { noContent, respond } from "@/lib/api/response";
import { unlinkIdentity } from "@/lib/social/identities";

/** DELETE /api/my-account/identities/{id} + X-Verification-Id → 204; 409 last_sign_in_method when it is the account's only way in. */
export const DELETE = apiRoute<{ id: string }>(async ({ user, ctx, params, verificationId }) =>
  respond(await unlinkIdentity(user, verificationId, params.id, ctx), noContent),
);
