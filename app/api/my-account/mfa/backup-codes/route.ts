import { apiRoute } from "@/lib/api/route";
import { json, respond } from "@/lib/api/response";
import { regenerateBackupCodes } from "@/lib/account/mfa";

/** POST /api/my-account/mfa/backup-codes + X-Verification-Id → {codes}; the old codes stop working. */
export const POST = apiRoute(async ({ user, ctx, verificationId }) =>
  respond(await regenerateBackupCodes(user, verificationId, ctx), (done) => json(done)),
);
