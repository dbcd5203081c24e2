import { apiRoute } from "@/lib/api/route";
import { json, respond } from "@/lib/api/response";
import { confirmTotp } from "@/lib/account/mfa";

/** POST /api/my-account/mfa/totp/verify {enrolmentId, code} → {backupCodes} (null unless this is the first factor). */
export const POST = apiRoute(async ({ user, ctx, body }) =>
  respond(await confirmTotp(user, body.enrolmentId, body.code, ctx), (done) => json(done)),
);
