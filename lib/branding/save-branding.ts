import "server-only";
import { env } from "@/lib/env";
import { failFields } from "@/lib/errors/failure";
import type { FieldErrors } from "@/lib/errors/failure";
import { warmCodeEmails } from "@/lib/mail/warm-code-emails";
import { ok, type Result } from "@/lib/result";
import { getSettings, updateSettings } from "@/lib/settings/get-settings";
import type { Branding } from "@/lib/settings/schema";
import { storeAsset } from "./assets";
import { applyBrandingPatch, type BrandingTextPatch } from "./branding-form";
import { MAX_UPLOAD_BYTES, processUpload, type AssetKind } from "./image";

export type BrandingUploads = { logoFile?: File; faviconFile?: File };

/** An upload's stored id, null for none, or why it was refused. */
async function upload(kind: AssetKind, file: File | undefined): Promise<{ id: string | null } | { refused: string }> {
  if (!file) return { id: null };
  // Checked before reading: the body limit is the framework's, far above ours.
  if (file.size > MAX_UPLOAD_BYTES) return { refused: `The file is ${Math.ceil(file.size / 1024)} KB; the limit is 256 KB.` };
  const processed = await processUpload(kind, Buffer.from(await file.arrayBuffer()));
  if ("refused" in processed) return processed;
  return { id: await storeAsset(kind, processed) };
}

/**
 * Saves the branding: the checked text fields, and the logo and favicon
 * (applyBrandingPatch says which wins). Every page and email reads
 * the new branding from the next request on (lib/settings/get-settings.ts;
 * the email renderer's cache is keyed by the branding, lib/mail/render-cache.ts).
 */
export async function saveBranding(patch: BrandingTextPatch, uploads: BrandingUploads): Promise<Result<Branding>> {
  const [logo, favicon] = await Promise.all([upload("logo", uploads.logoFile), upload("favicon", uploads.faviconFile)]);
  const fieldErrors: FieldErrors = {};
  if ("refused" in logo) fieldErrors.logoFile = [logo.refused];
  if ("refused" in favicon) fieldErrors.faviconFile = [favicon.refused];
  if ("refused" in logo || "refused" in favicon) return failFields(fieldErrors, "Nothing was saved: check the highlighted fields.");
  const { branding: current } = await getSettings();
  const { branding } = await updateSettings({ branding: applyBrandingPatch(current, patch, { logo: logo.id, favicon: favicon.id }) });
  // Compiles the code emails for the new branding now rather than on the first user's send; it never throws.
  void warmCodeEmails(env.APP_URL);
  return ok(branding);
}
