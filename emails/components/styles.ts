import type { CSSProperties } from "react";
import { AA_TEXT, INK, WHITE, bestTextOn, contrastRatio } from "@/lib/branding/contrast";

/**
 * Inline styles shared by every template (email clients ignore most <style>
 * blocks, and <Tailwind> is too slow on the first render).
 */
export const MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', 'Courier New', monospace";

export { INK };
const MUTED = "#6b7280";

export const card: CSSProperties = {
  backgroundColor: WHITE,
  borderRadius: "12px",
  maxWidth: "480px",
  margin: "0 auto",
  padding: "32px 28px",
};

export const heading: CSSProperties = { color: INK, fontSize: "22px", lineHeight: "30px", fontWeight: 700, margin: "8px 0 16px" };

export const paragraph: CSSProperties = { color: INK, fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" };

export const muted: CSSProperties = { color: MUTED, fontSize: "14px", lineHeight: "20px", margin: "0 0 12px" };

export const footer: CSSProperties = { fontSize: "12px", lineHeight: "18px", margin: "0 0 6px", textAlign: "center" };

export const footerBox: CSSProperties = { maxWidth: "480px", margin: "0 auto", padding: "20px 28px 0" };

/** White or near-black, whichever reads better on `background`. */
export const textOn = (background: string): string => bestTextOn(background).color;

/** The brand colour for text on white, unless it is too pale to read (WCAG AA). */
export const inkFor = (brand: string): string => (contrastRatio(brand, WHITE) >= AA_TEXT ? brand : INK);

const FOOTER_GREY = "#4b5563";

/** The footer stands on the branding's background: grey when it reads well there (WCAG AA), else white or ink. */
export const footerInk = (background: string): string =>
  contrastRatio(FOOTER_GREY, background) >= AA_TEXT ? FOOTER_GREY : bestTextOn(background).color;

/** Colours of the dark palette (clients that honour prefers-color-scheme). */
const DARK = { body: "#0b1120", card: "#1f2937", text: "#f3f4f6", muted: "#d1d5db", code: "#111827" };

/**
 * The dark palette, for email clients that apply the reader's dark mode
 * from a <style> block (Apple Mail, iOS, Outlook for Mac…); the others keep
 * the inline light palette or invert it themselves. Only class names and
 * validated #rrggbb colours go into it, never free text.
 */
export function darkModeCss(darkPrimary: string): string {
  const button = bestTextOn(darkPrimary).color;
  const brandInk = contrastRatio(darkPrimary, DARK.card) >= AA_TEXT ? darkPrimary : DARK.text;
  return [
    ":root { color-scheme: light dark; supported-color-schemes: light dark; }",
    "@media (prefers-color-scheme: dark) {",
    `  .mg-body { background-color: ${DARK.body} !important; }`,
    `  .mg-card { background-color: ${DARK.card} !important; }`,
    `  .mg-card h1, .mg-card p { color: ${DARK.text} !important; }`,
    `  .mg-card p.mg-brand, .mg-card a, .mg-footer a { color: ${brandInk} !important; }`,
    `  .mg-card a.mg-action { background-color: ${darkPrimary} !important; color: ${button} !important; }`,
    `  .mg-code { background-color: ${DARK.code} !important; border-color: ${darkPrimary} !important; }`,
    `  .mg-code p { color: ${DARK.text} !important; }`,
    `  .mg-footer p { color: ${DARK.muted} !important; }`,
    "}",
  ].join("\n");
}
