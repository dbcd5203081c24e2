"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, field } from "@/lib/action";
import { admin as guard } from "@/lib/action-guards";
import { getSettings, updateSettings } from "@/lib/settings/get-settings";
import { FORM_FIELD_NAMES, formValues, parseSignInExperienceForm } from "./fields";
import type { SignInExperienceFormState } from "./form-state";

// Bounds and "on"/"" are checked by the form's own parse (fields.ts), which names the allowed range.
const inputSchema = z.object(Object.fromEntries(FORM_FIELD_NAMES.map((name) => [name, field(40)])));

/** Saves the sign-in methods and limits; the sign-in pages read them on their next request. */
export const saveSignInExperienceAction = action({ guard, input: inputSchema }, async ({ input }): Promise<SignInExperienceFormState> => {
  const { signInExperience } = await getSettings();
  const parsed = parseSignInExperienceForm(input, signInExperience);
  if (!parsed.ok) return { status: "error", formError: parsed.formError, fieldErrors: parsed.fieldErrors, values: parsed.values };
  const saved = await updateSettings({ signInExperience: parsed.patch });
  revalidatePath("/console/sign-in-experience");
  return { status: "ok", message: "Saved. The sign-in pages use these settings from now on.", values: formValues(saved.signInExperience) };
});
