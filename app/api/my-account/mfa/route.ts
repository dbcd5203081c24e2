import { accountRoute, json } from "@/lib/account/api";
import { getMfaState } from "@/lib/account/mfa";

/** GET /api/my-account/mfa → {email, totp, backupCodesRemaining, hasAnyFactor, required}. */
export const GET = accountRoute(async ({ user }) => json(await getMfaState(user.id)));
