import { getLocale, getTranslations } from "next-intl/server";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

/** "3 minutes ago" / "3 分前", "in 6 days" / "6 日後"; `justNow` within ten seconds. From the server's clock at render time. */
export function relativeTime(locale: string, date: Date, justNow: string, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) < 10) return justNow;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const [unit, size] = UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? ["second", 1];
  return format.format(Math.trunc(seconds / size), unit);
}

/** The date and time in the reader's language, in UTC: the server renders it, so it names its zone rather than guess the reader's. */
export function dateTime(locale: string, date: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date);
}

/** Relative time with the exact moment beside it (machine-readable in `dateTime`), in the request's language. */
export async function LocalTime({ date }: { date: Date }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("account")]);
  return (
    <time dateTime={date.toISOString()}>
      {relativeTime(locale, date, t("justNow"))} <span className="muted">({t("utc", { time: dateTime(locale, date) })})</span>
    </time>
  );
}
