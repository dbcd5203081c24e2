import type { CSSProperties } from "react";
import type { Branding } from "@/lib/settings/schema";
import { AA_TEXT, bestTextOn, contrastRatio } from "./contrast";

/** The surfaces brand-coloured text sits on in each theme (app/globals.css: --card and --bg of the dark palette). */
const LIGHT_CARD = "#ffffff";
const DARK_SURFACES = ["#1f2937", "#0b1120"];

/**
 * The brand colour as text (links, the current tab, the focus ring) on
 * `surfaces`: the colour itself when it reads at 4.5:1 on all of them,
 * else the theme's ink. The console checks a primary colour only against
 * its button text, so a light primary could otherwise make unreadable links.
 */
function brandText(color: string, surfaces: string[], ink: string): string {
  return surfaces.every((surface) => contrastRatio(color, surface) >= AA_TEXT) ? color : ink;
}

/**
 * The branding as the CSS variables app/globals.css reads on `.branded`
 * frames: the brand colour, the text on it (white or ink, whichever the
 * console's contrast check measured as readable) and as text, the same for
 * dark mode, and the light background (dark mode keeps its own).
 */
export function brandStyle(branding: Pick<Branding, "primaryColor" | "darkPrimaryColor" | "backgroundColor">): CSSProperties {
  const { primaryColor, darkPrimaryColor, backgroundColor } = branding;
  return {
    "--brand-light": primaryColor,
    "--brand-light-ink": bestTextOn(primaryColor).color,
    "--brand-light-text": brandText(primaryColor, [LIGHT_CARD, backgroundColor], "#111827"),
    "--brand-dark": darkPrimaryColor,
    "--brand-dark-ink": bestTextOn(darkPrimaryColor).color,
    "--brand-dark-text": brandText(darkPrimaryColor, DARK_SURFACES, "#f3f4f6"),
    "--bg-light": backgroundColor,
  } as CSSProperties;
}
