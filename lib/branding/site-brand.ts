import "server-only";
import type { Metadata } from "next";
import { unstable_rethrow } from "next/navigation";
import { describeFault } from "@/lib/db-unavailable";
import { getSettings } from "@/lib/settings/get-settings";
import { brandingSchema, type Branding } from "@/lib/settings/schema";
import { assetPath, logoSrc } from "./asset-url";
import { brandStyle } from "./css-vars";
import type { SiteBrand } from "./site-brand-type";

/** Shipped with the app (public/icon.svg): the tab's icon until an operator uploads one. */
export const DEFAULT_ICON = "/icon.svg";

/**
 * The branding for what must render even when the settings cannot be read:
 * the root layout (tab title, favicon, the status pages' brand). The
 * defaults then; the page itself reports the outage.
 */
export async function brandingOrDefault(): Promise<Branding> {
  try {
    return (await getSettings()).branding;
  } catch (error) {
    unstable_rethrow(error);
    console.error("branding: could not read the settings, showing the defaults:", describeFault(error));
    return brandingSchema.parse({});
  }
}

/** What a client component needs to show the brand (components/brand-context.tsx). */
export function siteBrandOf(branding: Branding): SiteBrand {
  return { productName: branding.productName, logo: logoSrc(branding), style: { ...brandStyle(branding), background: "var(--bg)" } };
}

/** The product's name in every tab title, and its favicon: the operator's upload (app/console/branding), else ours. */
export function siteMetadata(branding: Branding): Metadata {
  const icon = branding.faviconAsset ? { url: assetPath(branding.faviconAsset), type: "image/png" } : { url: DEFAULT_ICON, type: "image/svg+xml" };
  return {
    title: { default: branding.productName, template: `%s · ${branding.productName}` },
    icons: { icon: [icon] },
  };
}
