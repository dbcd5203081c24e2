// Plain-text tables for the bench's report.
import type { ScenarioResult } from "./load";

export const fmt = (value: number | null, digits = 1) => (value === null ? "-" : value.toFixed(digits));

/** The first row is the header; `rightAligned[i]` right-aligns column i (numbers). */
export function table(rows: string[][], rightAligned: boolean[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ");
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

/** A measured step in one cell: throughput, p50 and any errors. */
export const resultCell = (r: ScenarioResult) => `${fmt(r.reqPerSec)} req/s, p50 ${fmt(r.p50Ms)} ms${r.errors ? ` (${r.errors} errors)` : ""}`;
