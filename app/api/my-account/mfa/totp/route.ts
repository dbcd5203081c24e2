import { apiRoute } from "@/lib/api/route";
import { json, noContent, respond } from "@/lib/api/response";
import { disableFactor, startTotpEnrolment } from "@/lib/account/mfa";

/** POST /api/my-account/mfa/totp + X-Verification-Id → {enrolmentId, secret, otpauthUri}. */
export const POST = apiRoute(async ({ user, ctx, verificationId }) =>
  respond(await startTotpEnrolment(user, verificationId, ctx), ({ enrolmentId, secret, otpauthUri }) => json({ enrolmentId, secret, otpauthUri })),
);

/** DELETE /api/my-account/mfa/totp + X-Verification-Id → 204. */
export const DELETE = apiRoute(async ({ user, ctx, verificationId }) =>
  respond(await disableFactor(user, verificationId, "totp", ctx), noContent),
);
