import { accountRoute } from "@/lib/account/api";
import { noContent, respond } from "@/lib/account/api-response";
import { changePassword } from "@/lib/account/password";

/** PUT /api/my-account/password {password} + X-Verification-Id → 204; other sessions end. */
export const PUT = accountRoute(async ({ user, ctx, body, verificationId }) =>
  respond(await changePassword(user, verificationId, body.password, ctx), noContent),
);
