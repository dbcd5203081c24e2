import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "./current-user";
import { isAdmin } from "./roles";

/**
 * For console pages and actions: the signed-in admin (./roles.ts says who
 * that is), or a 404 for anyone else, so the console's existence is not
 * advertised to non-admins.
 */
export const requireAdmin = cache(async (): Promise<CurrentUser> => {
  const user = await getCurrentUser();
  if (!user || !(await isAdmin(user))) notFound();
  return user;
});
