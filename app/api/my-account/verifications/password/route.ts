import { apiRoute } from "@/lib/api/route";
import { json, respond } from "@/lib/api/response";
import { verifyWithPassword } from "@/lib/account/step-up";

/** POST /api/my-account/verifications/password {password} → 201 {verificationId, expiresAt}. */
export const POST = apiRoute(async ({ user, ctx, body }) =>
  respond(await verifyWithPassword(user, body.password, ctx), (proof) => json(proof, 201)),
);
