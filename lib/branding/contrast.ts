/**
 * WCAG 2 contrast, for the branding's colours: the console refuses a
 * primary colour whose button text would be hard to read, and the email
 * and page styles pick text colours with the same arithmetic.
 */

/** Near-black text: the pages' and emails' ink. */
export const INK = "#111827";
export const WHITE = "#ffffff";

/** WCAG AA for normal-size text (button labels are 16 px). */
export const AA_TEXT = 4.5;

/** Relative luminance of a #rrggbb colour (WCAG 2). */
export function luminance(hex: string): number {
  const channel = (offset: number) => {
    const c = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.039_28 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** White or near-black, whichever reads better on `background`, and its ratio. */
export function bestTextOn(background: string): { color: string; ratio: number } {
  const white = contrastRatio(background, WHITE);
  const ink = contrastRatio(background, INK);
  return white >= ink ? { color: WHITE, ratio: white } : { color: INK, ratio: ink };
}

/** A ratio as people read it: rounded down to two decimals, so 4.499 never shows as "4.50". */
export const formatRatio = (ratio: number): string => `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
