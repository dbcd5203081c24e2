import type { CSSProperties } from "react";
import type { Branding } from "@/lib/settings/schema";
import { bestTextOn } from "./contrast";

/**
 * The branding as the CSS variables app/globals.css reads: the brand colour
 * and the text on it (white or ink, whichever the console's contrast check
 * measured as readable), the same for dark mode, and the background.
 */
export function brandStyle(branding: Pick<Branding, "primaryColor" | "darkPrimaryColor" | "backgroundColor">): CSSProperties {
  return {
    "--brand": branding.primaryColor,
    "--brand-ink": bestTextOn(branding.primaryColor).color,
    "--brand-dark": branding.darkPrimaryColor,
    "--brand-dark-ink": bestTextOn(branding.darkPrimaryColor).color,
    "--bg": branding.backgroundColor,
  } as CSSProperties;
}
