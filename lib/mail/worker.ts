import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { claimDue, MAX_HOLD_MS, releaseClaim, type Claim } from "./lease";
import { attempt } from "./outbox";
import { onRetryScheduled, type Delivery } from "./outcome";
import { defaultRetryPolicy, type RetryPolicy } from "./retry-policy";

export type WorkerOptions = {
  /** How often to look for due messages when the last look found fewer than there were free slots. */
  pollMs: number;
  /** Attempts in flight at once. Each runs on its own: a hung session holds one slot, never the others. */
  concurrency?: number;
  /** runOutboxOnce only: messages claimed in its one round. */
  batchSize?: number;
  policy?: RetryPolicy;
  leaseMs?: number;
  onError?: (error: unknown) => void;
  /** Where the end of each drain is reported (how many sent, to retry, given up). */
  log?: (line: string) => void;
};

/** `stop` resolves once the attempts in flight ended: how many there were, and how many claims were given back. */
export type OutboxWorker = { stop(): Promise<{ finished: number; released: number }> };

/** One round, for tests and the bench: claims due messages and attempts them side by side. Returns how many. */
export async function runOutboxOnce(opts: Omit<WorkerOptions, "pollMs"> = {}): Promise<number> {
  const batch = opts.batchSize ?? 20;
  const claimed = await claimDue(Math.min(batch, opts.concurrency ?? batch), { leaseMs: opts.leaseMs });
  await Promise.all(claimed.map((c) => attempt(c.id, c.leaseToken, { policy: opts.policy ?? defaultRetryPolicy, leaseMs: opts.leaseMs })));
  return claimed.length;
}

/**
 * Runs until stopped. Every free slot gets a due message as soon as there
 * is one (straight on during a backlog, otherwise every `pollMs`, or when a
 * retry scheduled in this process falls due). An error (the database
 * briefly away) is reported and the loop goes on: a worker that dies
 * quietly would be the lost email. Stopping lets the attempts in flight
 * finish and gives back what was claimed but not started.
 */
export function startOutboxWorker(opts: WorkerOptions): OutboxWorker {
  const concurrency = Math.max(1, opts.concurrency ?? 10);
  const policy = opts.policy ?? defaultRetryPolicy;
  const onError = opts.onError ?? ((e: unknown) => console.error("mailgate: outbox worker round failed", e));
  const inFlight = new Set<Promise<unknown>>();
  const drain = { sent: 0, retry: 0, dead: 0, lost: 0 };
  let stopped = false;
  let released = 0;
  let napping: { end(): void; until: number; forSlot: boolean } | null = null;

  const nap = (ms: number, forSlot: boolean) =>
    new Promise<void>((resolve) => {
      const end = () => {
        clearTimeout(timer);
        napping = null;
        resolve();
      };
      const timer = setTimeout(end, ms);
      napping = { end, until: Date.now() + ms, forSlot };
    });
  const unsubscribe = onRetryScheduled((at) => {
    const wait = at.getTime() - Date.now();
    if (napping && at.getTime() < napping.until) setTimeout(() => napping?.end(), Math.max(0, wait) + 5).unref();
  });
  const tally = (delivery: Delivery | null) => {
    if (!delivery) drain.lost += 1;
    else drain[delivery.status === "sent" ? "sent" : delivery.status === "failed" ? "retry" : "dead"] += 1;
  };
  const start = (claim: Claim) => {
    const running = attempt(claim.id, claim.leaseToken, { policy, leaseMs: opts.leaseMs }).then(tally, onError);
    // A send that outlives every connector timeout gives its slot back too (its lease lapses: lease.ts).
    const overdue = new AbortController();
    const cap = sleep(MAX_HOLD_MS, undefined, { ref: false, signal: overdue.signal }).catch(() => undefined);
    const slot = Promise.race([running, cap]).finally(() => {
      overdue.abort();
      inFlight.delete(slot);
      if (napping?.forSlot) napping.end();
    });
    inFlight.add(slot);
  };
  const reportDrain = () => {
    const total = drain.sent + drain.retry + drain.dead + drain.lost;
    if (total === 0) return;
    const lost = drain.lost ? `, ${drain.lost} taken over by another worker` : "";
    opts.log?.(`mailgate worker: drained ${total} email(s): ${drain.sent} sent, ${drain.retry} to retry, ${drain.dead} given up${lost}`);
    Object.assign(drain, { sent: 0, retry: 0, dead: 0, lost: 0 });
  };

  const loop = (async () => {
    while (!stopped) {
      const free = concurrency - inFlight.size;
      let full = free === 0;
      try {
        const claimed = await claimDue(free, { leaseMs: opts.leaseMs });
        if (stopped) {
          await Promise.all(claimed.map(releaseClaim));
          released += claimed.length;
          break;
        }
        claimed.forEach(start);
        full = claimed.length === free;
      } catch (error) {
        onError(error);
      }
      if (!full && inFlight.size === 0) reportDrain();
      if (!stopped) await nap(opts.pollMs, full);
    }
    await Promise.allSettled(inFlight);
    reportDrain();
    unsubscribe();
  })();

  return {
    async stop() {
      stopped = true;
      const finished = inFlight.size;
      (napping as { end(): void } | null)?.end();
      await loop;
      return { finished, released };
    },
  };
}
