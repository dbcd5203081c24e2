import { apiRoute } from "@/lib/api/route";
import { apiFailure, json } from "@/lib/api/response";
import { getProfile, updateProfile } from "@/lib/account/profile";

/** PATCH /api/my-account/profile {name?, avatarUrl?, locale?} → the updated profile. Absent fields stay as they are. */
export const PATCH = apiRoute(async ({ user, ctx, body }) => {
  const result = await updateProfile(user, body, ctx);
  return result.ok ? json(await getProfile(user.id)) : apiFailure(result);
});
