import type { CSSProperties } from "react";

/**
 * Inline styles shared by every template (email clients ignore most <style>
 * blocks, and <Tailwind> is too slow on the first render).
 */
export const MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', 'Courier New', monospace";

export const INK = "#111827";
const MUTED = "#6b7280";
const WHITE = "#ffffff";

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

export const footer: CSSProperties = { color: MUTED, fontSize: "12px", lineHeight: "18px", margin: "0 0 6px", textAlign: "center" };

export const footerBox: CSSProperties = { maxWidth: "480px", margin: "0 auto", padding: "20px 28px 0" };

/** Relative luminance of a #rrggbb colour (WCAG 2). */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const c = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.039_28 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** White or near-black, whichever reads better on `background`. */
export const textOn = (background: string): string => (contrast(background, WHITE) >= contrast(background, INK) ? WHITE : INK);

/** The brand colour for text on white, unless it is too pale to read (WCAG AA). */
export const inkFor = (brand: string): string => (contrast(brand, WHITE) >= 4.5 ? brand : INK);
