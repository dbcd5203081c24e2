import { apiRoute } from "@/lib/api/route";
import { noContent, respond } from "@/lib/api/response";
import { changePassword } from "@/lib/account/password";

/** PUT /api/my-account/password {password} + X-Verification-Id → 204; other sessions end. */
export const PUT = apiRoute(async ({ user, ctx, body, verificationId }) =>
  respond(await changePassword(user, verificationId, body.password, ctx), noContent),
);
