import { accountRoute } from "@/lib/account/api";
import { json, respond } from "@/lib/account/api-response";
import { startEmailChange } from "@/lib/account/email-change";

/** POST /api/my-account/email {email} + X-Verification-Id → 202 {changeId, email}; a code goes to the new address. */
export const POST = accountRoute(async ({ user, ctx, body, verificationId }) =>
  respond(await startEmailChange(user, verificationId, body.email, ctx), (change) => json(change, 202)),
);
