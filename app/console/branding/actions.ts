"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, field } from "@/lib/action";
import { admin as guard } from "@/lib/action-guards";
import { applyBrandingPatch, BRANDING_TEXT_FIELDS, brandingFormValues, parseBrandingForm } from "@/lib/branding/branding-form";
import { saveBranding } from "@/lib/branding/save-branding";
import { errorState } from "@/lib/result";
import { getSettings } from "@/lib/settings/get-settings";
import type { BrandingFormState } from "./form-state";
import { brandingPreview } from "./preview";

// Lengths and formats are checked by the form's own parse, which says what is allowed.
const inputSchema = z.object({ intent: field(10), ...Object.fromEntries(BRANDING_TEXT_FIELDS.map((name) => [name, field(2100)])) });

/**
 * The branding form, by its button (`intent`): "save" stores the branding,
 * which every page and email uses from the next request on; "preview"
 * renders the posted fields and saves nothing (the form's live preview
 * posts the same). An uploaded image is only previewed once saved (the form
 * shows a chosen file itself).
 */
export const brandingFormAction = action({ guard, input: inputSchema }, async ({ input, files }): Promise<BrandingFormState> => {
  const { intent, ...fields } = input;
  const parsed = parseBrandingForm(fields);
  if (!parsed.ok) return { status: "error", formError: parsed.formError, fieldErrors: parsed.fieldErrors, values: parsed.values };
  if (intent !== "save") {
    const { branding: current } = await getSettings();
    return { status: "ok", values: parsed.values, preview: await brandingPreview(applyBrandingPatch(current, parsed.patch)) };
  }
  const saved = await saveBranding(parsed.patch, { logoFile: files.logoFile, faviconFile: files.faviconFile });
  if (!saved.ok) return errorState(saved, parsed.values);
  // Every page shows the branding (the sign-in pages, the account centre).
  revalidatePath("/", "layout");
  return {
    status: "ok",
    message: "Saved. Every page and email uses this branding from now on.",
    values: brandingFormValues(saved.value),
    preview: await brandingPreview(saved.value),
  };
});
