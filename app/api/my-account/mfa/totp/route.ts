import { accountRoute } from "@/lib/account/api";
import { json, noContent, respond } from "@/lib/account/api-response";
import { disableFactor, startTotpEnrolment } from "@/lib/account/mfa";

/** POST /api/my-account/mfa/totp + X-Verification-Id → {enrolmentId, secret, otpauthUri}. */
export const POST = accountRoute(async ({ user, ctx, verificationId }) =>
  respond(await startTotpEnrolment(user, verificationId, ctx), ({ enrolmentId, secret, otpauthUri }) => json({ enrolmentId, secret, otpauthUri })),
);

/** DELETE /api/my-account/mfa/totp + X-Verification-Id → 204. */
export const DELETE = accountRoute(async ({ user, ctx, verificationId }) =>
  respond(await disableFactor(user, verificationId, "totp", ctx), noContent),
);
