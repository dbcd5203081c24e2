import type { Branding } from "@/lib/settings/schema";

// Pure: the email renderer (lib/mail/render-input.ts) uses it too.

/** Where an uploaded image is served, under our own origin. */
export const assetPath = (id: string): string => `/brand-assets/${id}`;

/**
 * The logo to show: the uploaded one (under `origin`: "" on our own pages,
 * APP_URL in emails, which are read elsewhere), else the operator's https
 * URL, else none.
 */
export function logoSrc(branding: Pick<Branding, "logoAsset" | "logoUrl">, origin = ""): string | null {
  if (branding.logoAsset) return `${origin}${assetPath(branding.logoAsset)}`;
  return branding.logoUrl;
}
