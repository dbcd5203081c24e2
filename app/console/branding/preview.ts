import "server-only";
import { logoSrc } from "@/lib/branding/asset-url";
import { env } from "@/lib/env";
import { renderEmailFresh, sampleRenderInput } from "@/lib/mail/render";
import type { Branding } from "@/lib/settings/schema";
import type { BrandingPreview } from "./form-state";

/**
 * The preview of a branding: the sign-in card's look and the sign-in code
 * email as it would be sent (rendered fresh: a draft must not take a place
 * in the renderer's cache, which holds what real sends need).
 */
export async function brandingPreview(branding: Branding): Promise<BrandingPreview> {
  const { html } = await renderEmailFresh({ ...sampleRenderInput("SignIn"), branding, appUrl: env.APP_URL });
  const { productName, primaryColor, darkPrimaryColor, backgroundColor } = branding;
  return { signIn: { productName, logoSrc: logoSrc(branding), primaryColor, darkPrimaryColor, backgroundColor }, emailHtml: html };
}
