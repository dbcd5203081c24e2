"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { updateProfile } from "@/lib/account/profile";
import { action, field } from "@/lib/action";
import { signedIn } from "@/lib/action-guards";
import { errorState } from "@/lib/result";

const profileSchema = z.object({ name: field(), avatarUrl: field(), locale: field() });

export const updateProfileAction = action(
  { guard: signedIn, input: profileSchema, refill: ["name", "avatarUrl", "locale"] },
  async ({ user, input, ctx }) => {
    const result = await updateProfile(user, input, ctx);
    if (!result.ok) return errorState(result);
    // The language may have changed: the layouts (<html lang>, the account's header and navigation, the forms'
    // words) render again, which a redirect after an action does not do by itself.
    revalidatePath("/", "layout");
    // A fresh value each time remounts the form, so no earlier error lingers.
    redirect(`/account?saved=${Date.now()}`);
  },
);
