import "server-only";
import { attempt, claimDue } from "./outbox";
import { defaultRetryPolicy, type RetryPolicy } from "./retry-policy";

export type WorkerOptions = {
  /** How often to look for due messages when the last look found none. */
  pollMs: number;
  /** Messages claimed per round. */
  batchSize?: number;
  /** Attempts in flight at once. */
  concurrency?: number;
  policy?: RetryPolicy;
  onError?: (error: unknown) => void;
};

/** One round: claims due messages and attempts them. Returns how many were attempted. */
export async function runOutboxOnce(opts: Omit<WorkerOptions, "pollMs"> = {}): Promise<number> {
  const claimed = await claimDue(opts.batchSize ?? 20);
  const concurrency = Math.max(1, opts.concurrency ?? 5);
  let next = 0;
  const lane = async () => {
    while (next < claimed.length) {
      const { id, leaseToken } = claimed[next++]!;
      await attempt(id, leaseToken, { policy: opts.policy ?? defaultRetryPolicy });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, lane));
  return claimed.length;
}

/**
 * Runs rounds until stopped: straight on while there is a backlog, then every
 * `pollMs`. An error in a round (the database briefly away) is reported and
 * the loop goes on: a worker that dies quietly would be the lost email.
 */
export function startOutboxWorker(opts: WorkerOptions): { stop(): Promise<void> } {
  let stopped = false;
  let wake: (() => void) | null = null;
  const batchSize = opts.batchSize ?? 20;
  const done = (async () => {
    while (!stopped) {
      let attempted = 0;
      try {
        attempted = await runOutboxOnce(opts);
      } catch (error) {
        (opts.onError ?? ((e) => console.error("mailgate: outbox worker round failed", e)))(error);
      }
      if (stopped) break;
      if (attempted >= batchSize) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, opts.pollMs);
        timer.unref?.();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();
  return {
    async stop() {
      stopped = true;
      (wake as (() => void) | null)?.();
      await done;
    },
  };
}
