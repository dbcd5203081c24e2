"use server";

import { redirect } from "next/navigation";
import { clearStepUpCookie, readStepUpCookie } from "@/lib/account/step-up-cookie";
import { text } from "@/lib/auth/action-helpers";
import { requireAdmin } from "@/lib/auth/admin";
import { grantAdmin, removeAdmin, transferOwnership } from "@/lib/auth/admin-roles";
import { getRequestContext } from "@/lib/auth/request-context";
import type { ActionState, Result } from "@/lib/result";
import { stepUpFailure } from "@/app/account/guard";
import type { AdminChange } from "./done";

const PAGE = "/console/admins";

/** A role change used up the "Confirm it's you": drop its cookie and show the new list with what was done. */
async function done(result: Result<null>, change: AdminChange, values?: Record<string, string>): Promise<ActionState> {
  if (!result.ok) return stepUpFailure(result, PAGE, values);
  await clearStepUpCookie();
  redirect(`${PAGE}?done=${change}`);
}

export async function grantAdminAction(_: ActionState, form: FormData): Promise<ActionState> {
  // Actions are reachable without their page: check again.
  const admin = await requireAdmin();
  const email = text(form, "email");
  return done(await grantAdmin(admin, await readStepUpCookie(), email, await getRequestContext()), "granted", { email });
}

export async function removeAdminAction(_: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdmin();
  return done(await removeAdmin(admin, await readStepUpCookie(), text(form, "userId"), await getRequestContext()), "removed");
}

export async function transferOwnershipAction(_: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdmin();
  return done(await transferOwnership(admin, await readStepUpCookie(), text(form, "userId"), await getRequestContext()), "transferred");
}
