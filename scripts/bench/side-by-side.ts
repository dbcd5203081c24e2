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
  warmup: number;
  capMs: number;
  /** Fresh addresses of a target's seeded users. */
  take: (target: Target, n: number) => string[];
  signal: AbortSignal;
  issue: (step: string, reason: string) => void;
};

export const REQUEST_STEP = "request a sign-in code";
export const VERIFY_STEP = "verify the code (session created)";

export async function runSideBySide(o: Options): Promise<SideBySideRow[]> {
  const rows: SideBySideRow[] = [];
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

    // Untimed: each code from the sink, and what the user has in hand before typing it.
    const prepare = async (target: Target, list: Pending[]) => {
      const out: Ready[] = [];
      for (const pending of list) {
        try {
          out.push(await target.prepareVerify(pending, await o.sink.waitForCode(pending.email, 10_000)));
        } catch (error) {
          o.issue(`${target.name}: code + verify page ×${level.concurrency}`, reasonOf(error));
        }
      }
      return out;
    };
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

/** Results in the targets' own order, whatever order they ran in. */
function sortLike(targets: readonly Target[], ran: Target[], results: ScenarioResult[]): ScenarioResult[] {
  return targets.map((t) => results[ran.indexOf(t)]!);
}
