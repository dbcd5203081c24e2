import { translator } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/mail/locale";

/**
 * Just enough User-Agent parsing to label a session "Chrome on macOS". Pure
 * and deliberately small: the list of sessions needs a recognisable name,
 * not a device database. Order matters — Edge, Opera and Samsung Internet
 * also say "Chrome", Chrome also says "Safari", iPadOS says "Mac OS X".
 */
export type ParsedUserAgent = { browser: string; os: string };

export const UNKNOWN_BROWSER = "Unknown browser";
export const UNKNOWN_OS = "Unknown OS";

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\b(?:OPR|OPiOS|Opera)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(?:Firefox|FxiOS)\//, "Firefox"],
  [/\b(?:Chrome|CriOS|Chromium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\bWindows\b/, "Windows"],
  [/\b(?:iPhone|iPad|iPod)\b/, "iOS"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\b(?:Macintosh|Mac OS X)\b/, "macOS"],
  [/\b(?:Linux|X11)\b/, "Linux"],
];

const match = (table: [RegExp, string][], ua: string) => table.find(([pattern]) => pattern.test(ua))?.[1];

export function parseUserAgent(userAgent: string | null | undefined): ParsedUserAgent {
  const ua = (userAgent ?? "").slice(0, 500);
  return { browser: match(BROWSERS, ua) ?? UNKNOWN_BROWSER, os: match(SYSTEMS, ua) ?? UNKNOWN_OS };
}

/** "Chrome on macOS", "Firefox", "Unknown browser on Linux", or "Unknown browser"; in `locale` (names stay names, only "unknown" and "on" change). */
export function deviceName({ browser, os }: ParsedUserAgent, locale: Locale = "en"): string {
  const t = translator(locale, "accountSessions");
  const name = browser === UNKNOWN_BROWSER ? t("unknownBrowser") : browser;
  return os === UNKNOWN_OS ? name : t("deviceOn", { browser: name, os });
}

export function describeDevice(userAgent: string | null | undefined, locale: Locale = "en"): string {
  return deviceName(parseUserAgent(userAgent), locale);
}
