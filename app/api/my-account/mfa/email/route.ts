import { apiRoute } from "@/lib/api/route";
import { json, noContent, respond } from "@/lib/api/response";
import { disableFactor, startEmailFactor } from "@/lib/account/mfa";

/** POST /api/my-account/mfa/email + X-Verification-Id → {enrolmentId}; a code goes to the account's address. */
export const POST = apiRoute(async ({ user, ctx, verificationId }) =>
  respond(await startEmailFactor(user, verificationId, ctx), (started) => json(started)),
);

/** DELETE /api/my-account/mfa/email + X-Verification-Id → 204. */
export const DELETE = apiRoute(async ({ user, ctx, verificationId }) =>
  respond(await disableFactor(user, verificationId, "email", ctx), noContent),
);
