import "server-only";
import { redirect } from "next/navigation";
import { getProfile, type Profile } from "@/lib/account/profile";
import { peekVerification } from "@/lib/account/step-up";
import { readStepUpCookie } from "@/lib/account/step-up-cookie";
import type { CurrentUser } from "@/lib/auth/current-user";
import { requireAccountUser, requireUser } from "@/lib/auth/require-user";
import { verifyHref } from "@/components/account/safe-next";
import type { Failure } from "@/lib/errors/failure";
import { errorState, type ActionState } from "@/lib/result";

// Pages import them from here with the rest of the account guards.
export { requireAccountUser, requireUser };

/** The user's profile; an account deleted meanwhile (another session) is treated as signed out. */
export async function requireProfile(user: CurrentUser): Promise<Profile> {
  const profile = await getProfile(user.id);
  if (!profile) redirect("/sign-in");
  return profile;
}

/** Whether this browser has a fresh "Confirm it's you" for this session (not consumed here). */
export async function hasFreshStepUp(user: CurrentUser): Promise<boolean> {
  return peekVerification(user, await readStepUpCookie());
}

/**
 * A refused step-up operation: without a usable verification the user goes
 * to "Confirm it's you" and comes back to `page`; any other failure is shown.
 */
export function stepUpFailure(failure: Failure, page: string, values?: Record<string, string>): ActionState {
  if (failure.code === "verification_required") redirect(verifyHref(page));
  return errorState(failure, values);
}
