import { apiRoute } from "@/lib/api/route";
import { json } from "@/lib/api/response";
import { getMfaState } from "@/lib/account/mfa";

/** GET /api/my-account/mfa → {email, totp, backupCodesRemaining, hasAnyFactor, required}. */
export const GET = apiRoute(async ({ user }) => json(await getMfaState(user.id)));
