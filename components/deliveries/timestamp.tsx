/** "2026-11-24 17:03:09" in UTC (the column headings say so), machine-readable in `dateTime`. */
export function Timestamp({ date }: { date: Date | null }) {
  if (!date) return <span className="muted">—</span>;
  return <time dateTime={date.toISOString()}>{date.toISOString().slice(0, 19).replace("T", " ")}</time>;
}
