// What the outbox part of the bench measures and reports; shared by the
// parent (./outbox.ts) and the child process (./outbox-child.ts).
import type { MessageContext } from "../../lib/connectors/types";

export type LatencyStats = {
  /** Measured sends (warm-up excluded). */
  sends: number;
  errors: number;
  errorsByReason: Record<string, number>;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
};

export type LatencyResult = {
  connector: string;
  /** `bindConnector(…).send(message)`: no database. */
  direct: LatencyStats;
  /** `enqueue` + `attempt`: sendEmail minus rendering. */
  outbox: LatencyStats;
  /** outbox p50 − direct p50. */
  overheadP50Ms: number | null;
};

export type DrainResult = {
  connector: string;
  loops: number;
  batchSize: number;
  concurrency: number;
  messages: number;
  sent: number;
  /** `status (errorCode)` → count, for every message that did not end `sent`. */
  notSent: Record<string, number>;
  /** Writing the backlog (sequential `enqueue`, not leased). */
  enqueueMs: number;
  /** From the first claim to the last `sentAt`. */
  drainMs: number | null;
  msgPerSec: number | null;
  /** The sending process's CPU time over the drain's wall time, in %: near 100 means the drain is CPU-bound. */
  cpuPercent: number;
  rounds: number;
  /** Rounds that claimed nothing (another loop took the candidates, or the end). */
  emptyRounds: number;
  /** runOutboxOnce throwing (the loop goes on, as the worker's does). */
  roundErrors: Record<string, number>;
  /** The drain was stopped by the time cap with messages left. */
  capped: boolean;
};

/**
 * One sign-in email, rendered here and sent again and again: renderEmail
 * cannot run under the react-server condition (react-dom/server refuses).
 */
export type BenchMail = { subject: string; html: string; text: string; senderName: string; context: MessageContext };

export type ChildConfig = {
  mail: BenchMail;
  smtpPort: number;
  httpUrl: string;
  latencySends: number;
  warmupSends: number;
  drainMessages: number;
  drainLoops: readonly number[];
  batchSize: number;
  concurrency: number;
  drainCapMs: number;
};

/** What the child measured; `delivered` counts every successful send, warm-up included. */
export type ChildResult = {
  latency: LatencyResult[];
  drains: DrainResult[];
  skipped: { connector: string; reason: string }[];
  delivered: Record<string, number>;
};

export type OutboxBenchResult = ChildResult & {
  config: ChildConfig;
  receivers: { connector: string; expected: number; received: number; duplicates: number | null }[];
  /** smtp-server holds each new connection this long before its greeting (fixed in 3.x, not configurable). */
  smtpGreetingDelayMs: number;
  /** Kept only when something went wrong, for a look at the rows. */
  database: string | null;
  problems: string[];
  totalMs: number;
};
