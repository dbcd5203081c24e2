import { apiRoute } from "@/lib/api/route";
import { json, respond } from "@/lib/api/response";
import { confirmEmailVerification } from "@/lib/account/step-up";

/** POST /api/my-account/verifications/email-code/verify {verificationId, code} → {verificationId, expiresAt}. */
export const POST = apiRoute(async ({ user, ctx, body }) =>
  respond(await confirmEmailVerification(user, body.verificationId, body.code, ctx), (proof) => json(proof)),
);
