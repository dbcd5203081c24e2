"use server";

import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/admin";
import { getSettings, updateSettings } from "@/lib/settings/get-settings";
import { formValues, parseSignInExperienceForm } from "./fields";
import type { SignInExperienceFormState } from "./form-state";

/** Saves the sign-in methods and limits; the sign-in pages read them on their next request. */
export async function saveSignInExperienceAction(_: SignInExperienceFormState, form: FormData): Promise<SignInExperienceFormState> {
  // Actions are reachable without their page: check again.
  await requireAdmin();
  const { signInExperience } = await getSettings();
  const parsed = parseSignInExperienceForm(form, signInExperience);
  if (!parsed.ok) return { status: "error", formError: parsed.formError, fieldErrors: parsed.fieldErrors, values: parsed.values };
  const saved = await updateSettings({ signInExperience: parsed.patch });
  revalidatePath("/console/sign-in-experience");
  return { status: "ok", message: "Saved. The sign-in pages use these settings from now on.", values: formValues(saved.signInExperience) };
}
