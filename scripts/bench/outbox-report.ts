// Prints the outbox part of the bench report.
import type { LatencyStats, OutboxBenchResult } from "./outbox-types";
import { fmt, table } from "./table";

const LABELS: Record<string, string> = { smtp: "SMTP", http: "HTTP" };
const label = (connector: string) => LABELS[connector] ?? connector;

export function reportOutbox(result: OutboxBenchResult): void {
  const { config } = result;
  console.log(`\nOutbox: latency the outbox adds to one send (SQLite, loopback receivers, ${config.latencySends} sequential sends each way, interleaved)`);
  if (result.latency.some((l) => l.connector === "smtp")) {
    console.log(`  SMTP: every send opens a connection, and smtp-server waits ${result.smtpGreetingDelayMs} ms before each greeting (fixed, not an option).`);
  }
  const statsRow = (connector: string, path: string, s: LatencyStats) => [
    connector, path, String(s.sends), String(s.errors), fmt(s.p50Ms, 2), fmt(s.p95Ms, 2), fmt(s.p99Ms, 2),
  ];
  console.log(table(
    [
      ["Connector", "Path", "Sends", "Errors", "p50 ms", "p95 ms", "p99 ms"],
      ...result.latency.flatMap((l) => [
        statsRow(label(l.connector), "direct: bindConnector().send", l.direct),
        statsRow("", "outbox: enqueue + attempt", l.outbox),
        ["", "outbox overhead (Δ p50)", "", "", fmt(l.overheadP50Ms, 2), "", ""],
      ]),
    ],
    [false, false, true, true, true, true, true],
  ));

  console.log(`\nOutbox: draining ${config.drainMessages} queued messages (runOutboxOnce in a loop: batch ${config.batchSize}, ${config.concurrency} in flight per loop; loops share one process)`);
  console.log(table(
    [
      ["Connector", "Loops", "Sent", "Not sent", "msg/s", "first claim → last sent s", "CPU %", "enqueue ms/msg", "Rounds (empty)"],
      ...result.drains.map((d) => [
        label(d.connector), String(d.loops), `${d.sent}/${d.messages}`, String(d.messages - d.sent), fmt(d.msgPerSec),
        fmt(d.drainMs === null ? null : d.drainMs / 1000, 2) + (d.capped ? " (cap hit)" : ""), fmt(d.cpuPercent, 0), fmt(d.enqueueMs / d.messages, 2), `${d.rounds} (${d.emptyRounds})`,
      ]),
    ],
    [false, true, true, true, true, true, true, true, true],
  ));

  for (const r of result.receivers) {
    const dup = r.duplicates === null ? "" : `, ${r.duplicates} repeated Idempotency-Key`;
    console.log(`${label(r.connector)} receiver: ${r.received} messages, connector reported ${r.expected} sent${dup}`);
  }
  if (result.problems.length) {
    console.log(`\nOutbox problems (database kept at ${result.database}):`);
    for (const p of result.problems) console.log(`  ${p}`);
  }
  console.log(`Outbox part took ${(result.totalMs / 1000).toFixed(1)} s`);
}
