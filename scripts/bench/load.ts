// A closed-loop load runner: `concurrency` clients take jobs from one queue
// until the queue is empty or the time cap is reached.
import { StepError } from "./flows";

export type ScenarioResult = {
  scenario: string;
  concurrency: number;
  /** Jobs attempted in the measured run (warm-up excluded). */
  requests: number;
  ok: number;
  errors: number;
  errorsByReason: Record<string, number>;
  wallMs: number;
  /** Successful requests per second of wall time. */
  reqPerSec: number;
  p50Ms: number | null;
  p99Ms: number | null;
  meanMs: number | null;
  maxMs: number | null;
  /** True when the time cap stopped the run before every job ran. */
  capped: boolean;
};

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function reasonOf(error: unknown): string {
  if (error instanceof StepError) return error.reason;
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return "timeout";
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ? `${error.message} (${cause.code})` : error.message.slice(0, 100);
  }
  return String(error).slice(0, 100);
}

/**
 * Runs `jobs` through `concurrency` workers; `run` returns the latency it
 * measured. Results come back in job order (undefined where the job failed
 * or never ran).
 */
export async function runScenario<J, R extends { ms: number }>(options: {
  scenario: string;
  concurrency: number;
  jobs: readonly J[];
  capMs: number;
  run: (job: J, worker: number) => Promise<R>;
  /** Stops handing out jobs once aborted (Ctrl-C). */
  signal?: AbortSignal;
}): Promise<{ result: ScenarioResult; outputs: (R | undefined)[] }> {
  const { scenario, concurrency, jobs, capMs, run, signal } = options;
  const outputs: (R | undefined)[] = new Array(jobs.length).fill(undefined);
  const latencies: number[] = [];
  const errorsByReason: Record<string, number> = {};
  let next = 0;
  let attempted = 0;
  const start = performance.now();
  const deadline = start + capMs;

  const worker = async (id: number) => {
    while (next < jobs.length && performance.now() < deadline && !signal?.aborted) {
      const index = next;
      next += 1;
      attempted += 1;
      try {
        const out = await run(jobs[index]!, id);
        outputs[index] = out;
        latencies.push(out.ms);
      } catch (error) {
        const reason = reasonOf(error);
        errorsByReason[reason] = (errorsByReason[reason] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, (_, i) => worker(i)));
  const wallMs = performance.now() - start;

  const sorted = [...latencies].sort((a, b) => a - b);
  const errors = attempted - latencies.length;
  return {
    outputs,
    result: {
      scenario,
      concurrency,
      requests: attempted,
      ok: latencies.length,
      errors,
      errorsByReason,
      wallMs,
      reqPerSec: wallMs > 0 ? latencies.length / (wallMs / 1000) : 0,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      meanMs: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null,
      maxMs: sorted.at(-1) ?? null,
      capped: attempted < jobs.length,
    },
  };
}
