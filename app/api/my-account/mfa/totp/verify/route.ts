import { accountRoute } from "@/lib/account/api";
import { json, respond } from "@/lib/account/api-response";
import { confirmTotp } from "@/lib/account/mfa";

/** POST /api/my-account/mfa/totp/verify {enrolmentId, code} → {backupCodes} (null unless this is the first factor). */
export const POST = accountRoute(async ({ user, ctx, body }) =>
  respond(await confirmTotp(user, body.enrolmentId, body.code, ctx), (done) => json(done)),
);
