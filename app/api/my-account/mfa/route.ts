import { accountRoute } from "@/lib/account/api";
import { json } from "@/lib/account/api-response";
import { getMfaState } from "@/lib/account/mfa";

/** GET /api/my-account/mfa → {email, totp, backupCodesRemaining, hasAnyFactor, required}. */
export const GET = accountRoute(async ({ user }) => json(await getMfaState(user.id)));
