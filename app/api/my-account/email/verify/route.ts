import { apiRoute } from "@/lib/api/route";
import { json, respond } from "@/lib/api/response";
import { confirmEmailChange } from "@/lib/account/email-change";

/** POST /api/my-account/email/verify {changeId, code} → {email}. */
export const POST = apiRoute(async ({ user, ctx, body }) =>
  respond(await confirmEmailChange(user, body.changeId, body.code, ctx), (changed) => json(changed)),
);
