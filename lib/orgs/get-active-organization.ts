import "server-only";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { OrgAccess } from "./find-org-access";
import { findActiveOrganization } from "./find-active-organization";

/**
 * The signed-in user's organization for this request (pages, actions, the
 * header's switcher): the session's choice, else the first joined; null
 * when signed out or in none. Code that already has the user calls
 * findActiveOrganization(user).
 */
export async function getActiveOrganization(): Promise<OrgAccess | null> {
  const user = await getCurrentUser();
  return user ? findActiveOrganization(user) : null;
}
