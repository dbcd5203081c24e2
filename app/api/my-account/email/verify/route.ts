import { accountRoute } from "@/lib/account/api";
import { json, respond } from "@/lib/account/api-response";
import { confirmEmailChange } from "@/lib/account/email-change";

/** POST /api/my-account/email/verify {changeId, code} → {email}. */
export const POST = accountRoute(async ({ user, ctx, body }) =>
  respond(await confirmEmailChange(user, body.changeId, body.code, ctx), (changed) => json(changed)),
);
