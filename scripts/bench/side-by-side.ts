// `npm run bench -- --peer`: Mailgate and the Better Auth peer, alternated
// step by step in one run against the same SMTP sink (each level: both
// request codes, then both verify them; the side that goes first swaps per
// level), so both see the same machine at the same moment.
import { runScenario, reasonOf, type ScenarioResult } from "./load";
import type { SmtpSink } from "./smtp-sink";
import type { Pending, Ready, Target } from "./targets";

export type Level = { concurrency: number; requests: number };
export type SideBySideRow = { step: string; concurrency: number; results: ScenarioResult[] };

type Options = {
  targets: readonly Target[];
  sink: SmtpSink;
  levels: readonly Level[];
  /** Untimed requests before each measured step. */
  warmup: number;
  /** Untimed request + verify pairs each side runs once, before anything is measured. */
  warmUpPairs: number;
  capMs: number;
  /** Fresh addresses of a target's seeded users. */
  take: (target: Target, n: number) => string[];
  signal: AbortSignal;
  issue: (step: string, reason: string) => void;
};

export const REQUEST_STEP = "request a sign-in code";
export const VERIFY_STEP = "verify the code (session created)";

// Clients of the warm-up: enough to keep the server busy, few enough not to queue.
const WARM_UP_CLIENTS = 4;

export async function runSideBySide(o: Options): Promise<SideBySideRow[]> {
  const rows: SideBySideRow[] = [];
  // A server starts with nothing compiled: until V8 has seen a few hundred
  // requests, both hot paths take about twice their steady time (Mailgate's
  // verify: p50 8.9 ms over its first 100, 4.6 ms after 300), and the side
  // with more code warms up longer. Both sides get the same warm-up, so the
  // steps measure the servers as they run in production.
  for (const target of o.targets) {
    if (o.signal.aborted) break;
    console.log(`bench: warming up ${target.name} (${o.warmUpPairs} untimed requests and verifies)…`);
    await target.prepareClients(WARM_UP_CLIENTS);
    const requested = await runScenario({ scenario: "warm-up", concurrency: WARM_UP_CLIENTS, jobs: o.take(target, o.warmUpPairs), capMs: o.capMs, run: (email, worker) => target.request(email, worker), signal: o.signal });
    const ready = await prepareAll(o, target, requested.outputs.flatMap((out) => (out ? [out.pending] : [])), "warm-up");
    await runScenario({ scenario: "warm-up", concurrency: WARM_UP_CLIENTS, jobs: ready, capMs: o.capMs, run: (r: Ready) => target.verify(r), signal: o.signal });
  }
  for (const [index, level] of o.levels.entries()) {
    if (o.signal.aborted) break;
    const order = index % 2 === 0 ? [...o.targets] : [...o.targets].reverse();
    console.log(`bench: ${level.concurrency} client(s), ${level.requests} requests per step, ${order.map((t) => t.name).join(" then ")}…`);
    for (const target of order) await target.prepareClients(level.concurrency);

    const pendings = new Map<Target, { warm: Pending[]; measured: Pending[] }>();
    const requestRow: ScenarioResult[] = [];
    const pendingOf = (outs: ({ pending: Pending } | undefined)[]) => outs.flatMap((out) => (out ? [out.pending] : []));
    for (const target of order) {
      const run = (email: string, worker: number) => target.request(email, worker);
      const warm = await runScenario({ scenario: "warm-up", concurrency: Math.min(level.concurrency, o.warmup), jobs: o.take(target, o.warmup), capMs: o.capMs, run, signal: o.signal });
      const measured = await runScenario({ scenario: `${target.name}: ${REQUEST_STEP}`, concurrency: level.concurrency, jobs: o.take(target, level.requests), capMs: o.capMs, run, signal: o.signal });
      requestRow.push(measured.result);
      pendings.set(target, { warm: pendingOf(warm.outputs), measured: pendingOf(measured.outputs) });
    }
    rows.push({ step: REQUEST_STEP, concurrency: level.concurrency, results: sortLike(o.targets, order, requestRow) });

    const prepare = (target: Target, list: Pending[]) => prepareAll(o, target, list, `×${level.concurrency}`);
    const ready = new Map<Target, { warm: Ready[]; measured: Ready[] }>();
    for (const target of order) {
      const { warm, measured } = pendings.get(target)!;
      ready.set(target, { warm: await prepare(target, warm), measured: await prepare(target, measured) });
    }

    const verifyRow: ScenarioResult[] = [];
    for (const target of order) {
      const { warm, measured: jobs } = ready.get(target)!;
      const run = (r: Ready) => target.verify(r);
      await runScenario({ scenario: "warm-up", concurrency: Math.min(level.concurrency, o.warmup), jobs: warm, capMs: o.capMs, run, signal: o.signal });
      const measured = await runScenario({ scenario: `${target.name}: ${VERIFY_STEP}`, concurrency: level.concurrency, jobs, capMs: o.capMs, run, signal: o.signal });
      verifyRow.push(measured.result);
    }
    rows.push({ step: VERIFY_STEP, concurrency: level.concurrency, results: sortLike(o.targets, order, verifyRow) });
  }
  return rows;
}

/** Untimed: each code from the sink, and what the user has in hand before typing it. */
async function prepareAll(o: Options, target: Target, list: Pending[], label: string): Promise<Ready[]> {
  const out: Ready[] = [];
  for (const pending of list) {
    try {
      out.push(await target.prepareVerify(pending, await o.sink.waitForCode(pending.email, 10_000)));
    } catch (error) {
      o.issue(`${target.name}: code + verify page ${label}`, reasonOf(error));
    }
  }
  return out;
}

/** Results in the targets' own order, whatever order they ran in. */
function sortLike(targets: readonly Target[], ran: Target[], results: ScenarioResult[]): ScenarioResult[] {
  return targets.map((t) => results[ran.indexOf(t)]!);
}
