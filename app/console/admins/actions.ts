"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { clearStepUpCookie, readStepUpCookie } from "@/lib/account/step-up-cookie";
import { action, field } from "@/lib/action";
import { admin as guard } from "@/lib/action-guards";
import { grantAdmin, removeAdmin, transferOwnership } from "@/lib/auth/admin-roles";
import type { ActionState, Result } from "@/lib/result";
import { stepUpFailure } from "@/app/account/guard";
import type { AdminChange } from "./done";

const PAGE = "/console/admins";

/** A role change used up the "Confirm it's you": drop its cookie and show the new list with what was done. */
async function done(result: Result<null>, change: AdminChange): Promise<ActionState> {
  if (!result.ok) return stepUpFailure(result, PAGE);
  await clearStepUpCookie();
  redirect(`${PAGE}?done=${change}`);
}

export const grantAdminAction = action(
  { guard, input: z.object({ email: field(320) }), refill: ["email"] },
  async ({ user, input, ctx }) => done(await grantAdmin(user, await readStepUpCookie(), input.email, ctx), "granted"),
);

const target = z.object({ userId: field(200) });

export const removeAdminAction = action({ guard, input: target }, async ({ user, input, ctx }) =>
  done(await removeAdmin(user, await readStepUpCookie(), input.userId, ctx), "removed"),
);

export const transferOwnershipAction = action({ guard, input: target }, async ({ user, input, ctx }) =>
  done(await transferOwnership(user, await readStepUpCookie(), input.userId, ctx), "transferred"),
);
