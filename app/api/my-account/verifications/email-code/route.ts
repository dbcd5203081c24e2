import { apiRoute } from "@/lib/api/route";
import { json, respond } from "@/lib/api/response";
import { startEmailVerification } from "@/lib/account/step-up";

/** POST /api/my-account/verifications/email-code → 201 {verificationId}; a code goes to the account's address. */
export const POST = apiRoute(async ({ user, ctx }) =>
  respond(await startEmailVerification(user, ctx), (started) => json(started, 201)),
);
