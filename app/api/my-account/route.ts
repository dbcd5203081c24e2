import { apiRoute } from "@/lib/api/route";
import { json, noContent, respond } from "@/lib/api/response";
import { deleteAccount } from "@/lib/account/delete-account";
import { getMfaState } from "@/lib/account/mfa";
import { getProfile } from "@/lib/account/profile";

/** GET /api/my-account — the profile and the two-step verification state. */
export const GET = apiRoute(async ({ user }) => {
  const [profile, mfa] = await Promise.all([getProfile(user.id), getMfaState(user.id)]);
  return json({ ...profile, mfa });
});

/** DELETE /api/my-account {email} + X-Verification-Id — deletes the account and everything in it. */
export const DELETE = apiRoute(async ({ user, ctx, body, verificationId }) =>
  respond(await deleteAccount(user, verificationId, body.email, ctx), noContent),
);
