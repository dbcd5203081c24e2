import { relativeTime } from "@/lib/i18n/relative-time";

/** "3 minutes ago" / "3 分前", from the server's clock at render time. */
export function formatRelative(date: Date, now: Date = new Date(), locale = "en"): string {
  // "now" in the reader's language ("just now", "今"): Intl's word for a zero offset.
  const justNow = locale === "en" ? "just now" : new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(0, "second");
  return relativeTime(locale, date, justNow, now);
}

/** "2026-11-24 17:03:09 UTC": the server renders it, so it names its zone rather than guess the reader's. */
export function formatAbsolute(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** Relative time (in `locale`, @default "en") with the exact moment beside it (and machine-readable in `dateTime`). */
export function TimeAgo({ date, locale }: { date: Date; locale?: string }) {
  return (
    <time dateTime={date.toISOString()}>
      {formatRelative(date, new Date(), locale)} <span className="muted">({formatAbsolute(date)})</span>
    </time>
  );
}
