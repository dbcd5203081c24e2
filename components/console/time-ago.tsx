const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

/** "3 minutes ago" / "3 分前", from the server's clock at render time. */
export function formatRelative(date: Date, now: Date = new Date(), locale = "en"): string {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  // "now" in the reader's language ("just now", "今"): Intl's word for a zero offset.
  if (Math.abs(seconds) < 10) return locale === "en" ? "just now" : relative.format(0, "second");
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return relative.format(seconds, "second");
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
