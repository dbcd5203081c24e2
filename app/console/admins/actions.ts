"use server";

import { revalidatePath } from "next/cache";
import { clearStepUpCookie, readStepUpCookie } from "@/lib/account/step-up-cookie";
import { text } from "@/lib/auth/action-helpers";
import { requireAdmin } from "@/lib/auth/admin";
import { grantAdmin, removeAdmin, transferOwnership } from "@/lib/auth/admin-roles";
import { getRequestContext } from "@/lib/auth/request-context";
import type { ActionState, Result } from "@/lib/result";
import { stepUpFailure } from "@/app/account/guard";

const PAGE = "/console/admins";

/** A role change used up the "Confirm it's you": drop its cookie and show the new list. */
async function done(result: Result<null>, message: string, values?: Record<string, string>): Promise<ActionState> {
  if (!result.ok) return stepUpFailure(result, PAGE, values);
  await clearStepUpCookie();
  revalidatePath(PAGE);
  return { status: "ok", message };
}

export async function grantAdminAction(_: ActionState, form: FormData): Promise<ActionState> {
  // Actions are reachable without their page: check again.
  const admin = await requireAdmin();
  const email = text(form, "email");
  return done(await grantAdmin(admin, await readStepUpCookie(), email, await getRequestContext()), "Done: that account is now an admin.", { email });
}

export async function removeAdminAction(_: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdmin();
  return done(await removeAdmin(admin, await readStepUpCookie(), text(form, "userId"), await getRequestContext()), "The admin role was removed.");
}

export async function transferOwnershipAction(_: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdmin();
  return done(await transferOwnership(admin, await readStepUpCookie(), text(form, "userId"), await getRequestContext()), "Ownership was handed over. You stay an admin.");
}
