import { accountRoute } from "@/lib/account/api";
import { json, respond } from "@/lib/account/api-response";
import { confirmEmailFactor } from "@/lib/account/mfa";

/** POST /api/my-account/mfa/email/verify {enrolmentId, code} → {backupCodes} (null unless this is the first factor). */
export const POST = accountRoute(async ({ user, ctx, body }) =>
  respond(await confirmEmailFactor(user, body.enrolmentId, body.code, ctx), (done) => json(done)),
);
