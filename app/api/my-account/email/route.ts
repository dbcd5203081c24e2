import { apiRoute } from "@/lib/api/route";
import { json, respond } from "@/lib/api/response";
import { startEmailChange } from "@/lib/account/email-change";

/** POST /api/my-account/email {email} + X-Verification-Id → 202 {changeId, email}; a code goes to the new address. */
export const POST = apiRoute(async ({ user, ctx, body, verificationId }) =>
  respond(await startEmailChange(user, verificationId, body.email, ctx), (change) => json(change, 202)),
);
