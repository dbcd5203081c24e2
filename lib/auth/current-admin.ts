import "server-only";
import { cache } from "react";
import { isAdmin } from "./roles";
import { getCurrentUser, type CurrentUser } from "./current-user";

/** The signed-in admin, or null (for what renders for anyone but only dresses up for admins). Guards use requireAdmin. */
export const getCurrentAdmin = cache(async (): Promise<CurrentUser | null> => {
  const user = await getCurrentUser();
  return user && (await isAdmin(user)) ? user : null;
});
