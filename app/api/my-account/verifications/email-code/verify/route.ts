import { accountRoute } from "@/lib/account/api";
import { json, respond } from "@/lib/account/api-response";
import { confirmEmailVerification } from "@/lib/account/step-up";

/** POST /api/my-account/verifications/email-code/verify {verificationId, code} → {verificationId, expiresAt}. */
export const POST = accountRoute(async ({ user, ctx, body }) =>
  respond(await confirmEmailVerification(user, body.verificationId, body.code, ctx), (proof) => json(proof)),
);
