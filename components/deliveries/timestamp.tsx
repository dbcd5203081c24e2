/**
 * A UTC time (the headings say so), machine-readable in `dateTime`:
 * "2026-11-24 17:03:09", or on two lines in the table (`stacked`).
 */
export function Timestamp({ date, stacked = false }: { date: Date | null; stacked?: boolean }) {
  if (!date) return <span className="muted">—</span>;
  const [day, time] = date.toISOString().slice(0, 19).split("T");
  return (
    <time dateTime={date.toISOString()} className={stacked ? "timestamp-stacked" : undefined}>
      {day}
      {stacked ? <span className="timestamp-time">{time}</span> : ` ${time}`}
    </time>
  );
}
