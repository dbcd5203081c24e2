import { getLocale, getTranslations } from "next-intl/server";
import { relativeTime } from "@/lib/i18n/relative-time";

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
