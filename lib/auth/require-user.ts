import "server-only";
import { redirect } from "next/navigation";
import { needsMfaSetup } from "@/lib/account/mfa";
import { getCurrentUser, type CurrentUser } from "./current-user";

/** The signed-in user, or a redirect to sign-in. For /account/verify and two-step setup, which must stay reachable while MFA setup is due. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/**
 * For every account page and action except two-step verification and
 * /account/verify: signed in, and not owing the MFA setup an admin requires.
 */
export async function requireAccountUser(): Promise<CurrentUser> {
  const user = await requireUser();
  if (await needsMfaSetup(user.id)) redirect("/account/security?required=1");
  return user;
}
