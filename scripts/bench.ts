// `npm run bench`: throughput and latency of code sign-in over SMTP on
// loopback against `next start`, email template render times, and the
// delivery outbox (its latency and drain rate with the SMTP and HTTP
// connectors). `npm run bench -- --only=outbox` runs just the outbox part
// (about a minute, no build needed); `npm run bench -- --peer` runs the
// sign-in steps side by side with Better Auth's email-OTP plugin, installed
// and built in a temporary folder (scripts/bench/peer/).
// A script, not a test: it prints a table and writes .data/bench-result.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { buildId, ensureBuild, prepareDatabase, seedDatabase, startApp, type RunningApp } from "./bench/app";
import { loadRequestForm, prepareVerify, requestCode, verifyCode, type Client, type PendingFlow, type ReadyVerify } from "./bench/flows";
import { reasonOf, runScenario, type ScenarioResult } from "./bench/load";
import { runOutboxBench } from "./bench/outbox";
import { runPeerBench, type PeerRunServers } from "./bench/peer-run";
import { reportOutbox } from "./bench/outbox-report";
import type { OutboxBenchResult } from "./bench/outbox-types";
import { measureSinkBaseline, type SendBaseline } from "./bench/smtp-baseline";
import { startSmtpSink, type SmtpSink } from "./bench/smtp-sink";
import { fmt, table } from "./bench/table";

process.chdir(fileURLToPath(new URL("..", import.meta.url)));

/** Concurrency → measured requests. Warm-up requests come on top. */
const LEVELS = [
  { concurrency: 1, requests: 30 },
  { concurrency: 20, requests: 200 },
] as const;
const WARMUP = 5;
const SCENARIO_CAP_MS = 60_000;
const RENDER_ITERATIONS = 10;
const RESULT_FILE = ".data/bench-result.json";
const REQUEST = "request sign-in code";
const VERIFY = "verify code";

type RenderTimes = { kind: string; iterations: number; locales: number; firstRenderMs: number; warmMeanMs: Record<string, number> };
type SetupIssue = { step: string; reason: string; count: number };

let app: RunningApp | undefined;
let sink: SmtpSink | undefined;
let cleaning: Promise<void> | undefined;
const interrupted = new AbortController();

/** `--only=outbox`: just the outbox part. `--peer`: side by side with Better Auth (scripts/bench/peer-run.ts). */
function parseOnly(args: string[]): "outbox" | "peer" | null {
  let only: "outbox" | "peer" | null = null;
  for (const arg of args) {
    if (arg === "--only=outbox") only = "outbox";
    else if (arg === "--peer") only = "peer";
    else {
      console.error(`bench: unknown argument "${arg}"; usage: npm run bench [-- --only=outbox | --peer]`);
      process.exit(2);
    }
  }
  return only;
}
const only = parseOnly(process.argv.slice(2));

const peerRun: PeerRunServers = {};

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const server of [app, peerRun.app, peerRun.peer]) {
      await server?.stop().catch((error: unknown) => console.error(`bench: could not stop a server: ${reasonOf(error)}`));
    }
    for (const smtp of [sink, peerRun.sink]) await smtp?.close().catch(() => undefined);
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\nbench: ${signal}, stopping…`);
    interrupted.abort();
    void cleanup().finally(() => process.exit(130));
  });
}

async function measureTemplates(): Promise<RenderTimes> {
  // Imported here so nothing renders before the cold measurement.
  const { measureFirstRender, measureRenderTimes } = await import("../lib/mail/render-timing");
  const { LOCALES } = await import("../emails");
  const firstRenderMs = await measureFirstRender("SignIn");
  const warmMeanMs = await measureRenderTimes(RENDER_ITERATIONS);
  return { kind: "SignIn", iterations: RENDER_ITERATIONS, locales: LOCALES.length, firstRenderMs, warmMeanMs };
}

/** Runs `fn` over `items` with at most `limit` in flight; failures are tallied, not thrown. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>, issues: Map<string, number>) {
  const out: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      try {
        out.push(await fn(item));
      } catch (error) {
        const reason = reasonOf(error);
        issues.set(reason, (issues.get(reason) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, Math.max(1, items.length)) }, worker));
  return out;
}

function addIssues(into: SetupIssue[], step: string, issues: Map<string, number>) {
  for (const [reason, count] of issues) into.push({ step, reason, count });
}

async function runLevel(
  origin: string,
  smtp: SmtpSink,
  level: { concurrency: number; requests: number },
  takeEmails: (n: number) => string[],
  setupIssues: SetupIssue[],
): Promise<ScenarioResult[]> {
  const { concurrency, requests } = level;
  const clientFor = (worker: number): Client => ({ origin, ip: `198.18.${concurrency}.${worker + 1}` });
  // Every visitor gets the same form; read it once per client as a browser would on its first visit.
  const forms = await Promise.all(Array.from({ length: concurrency }, (_, w) => loadRequestForm(clientFor(w))));

  // (a) request a code: warm-up, then the measured run.
  const warmEmails = takeEmails(WARMUP);
  const emails = takeEmails(requests);
  const warm = await runScenario({
    scenario: `${REQUEST} (warm-up)`, concurrency: Math.min(concurrency, WARMUP), jobs: warmEmails, capMs: SCENARIO_CAP_MS,
    run: (email, w) => requestCode(clientFor(w), forms[w]!, email), signal: interrupted.signal,
  });
  const measured = await runScenario({
    scenario: REQUEST, concurrency, jobs: emails, capMs: SCENARIO_CAP_MS,
    run: (email, w) => requestCode(clientFor(w), forms[w]!, email), signal: interrupted.signal,
  });
  if (warm.result.errors) addIssues(setupIssues, `${REQUEST} warm-up ×${concurrency}`, new Map(Object.entries(warm.result.errorsByReason)));

  // Untimed: fetch each flow's code from the sink and its verify page.
  const prepare = async (flows: PendingFlow[], step: string) => {
    const issues = new Map<string, number>();
    const ready = await mapLimited(flows, 10, async (flow) => {
      const code = await smtp.waitForCode(flow.email, 10_000);
      return prepareVerify({ origin, ip: flow.ip }, flow, code);
    }, issues);
    addIssues(setupIssues, step, issues);
    return ready;
  };
  const flowsOf = (outs: ({ flow: PendingFlow } | undefined)[]) => outs.flatMap((o) => (o ? [o.flow] : []));
  const warmReady = await prepare(flowsOf(warm.outputs), `verify page + code (warm-up) ×${concurrency}`);
  const ready = await prepare(flowsOf(measured.outputs), `verify page + code ×${concurrency}`);

  // (b) verify the code: warm-up, then the measured run.
  const verify = (item: ReadyVerify) => verifyCode({ origin, ip: item.flow.ip }, item);
  const warmVerify = await runScenario({
    scenario: `${VERIFY} (warm-up)`, concurrency: Math.min(concurrency, WARMUP), jobs: warmReady, capMs: SCENARIO_CAP_MS, run: verify, signal: interrupted.signal,
  });
  if (warmVerify.result.errors) addIssues(setupIssues, `${VERIFY} warm-up ×${concurrency}`, new Map(Object.entries(warmVerify.result.errorsByReason)));
  const verified = await runScenario({ scenario: VERIFY, concurrency, jobs: ready, capMs: SCENARIO_CAP_MS, run: verify, signal: interrupted.signal });
  return [measured.result, verified.result];
}

type Report = {
  results: ScenarioResult[];
  render: RenderTimes;
  setupIssues: SetupIssue[];
  baseline: SendBaseline[];
  appMessages: number;
  withoutCode: number;
};

function report({ results, render, setupIssues, baseline, appMessages, withoutCode }: Report): void {
  console.log(`\nCode sign-in over SMTP (loopback), next start, NODE_ENV=production, ${availableParallelism()} CPUs`);
  console.log(table(
    [
      ["Scenario", "Clients", "Requests", "Errors", "req/s", "p50 ms", "p99 ms"],
      ...results.map((r) => [
        r.scenario + (r.capped ? " (time cap hit)" : ""), String(r.concurrency), String(r.requests), String(r.errors),
        fmt(r.reqPerSec), fmt(r.p50Ms), fmt(r.p99Ms),
      ]),
    ],
    [false, true, true, true, true, true, true],
  ));
  const errorLines = results.flatMap((r) => Object.entries(r.errorsByReason).map(([reason, n]) => `  ${r.scenario} ×${r.concurrency}: ${n} × ${reason}`));
  if (errorLines.length) console.log(`\nErrors:\n${errorLines.join("\n")}`);
  if (setupIssues.length) {
    console.log("\nSetup problems (not counted above):");
    for (const s of setupIssues) console.log(`  ${s.step}: ${s.count} × ${s.reason}`);
  }
  console.log(`\nSMTP sink: ${appMessages} messages from the app, ${withoutCode} without a code`);
  console.log("Floor under (a), one send with no app in between (smtp-server waits 100 ms before every greeting):");
  for (const b of baseline) console.log(`  ${b.variant}: p50 ${fmt(b.p50Ms)} ms, p99 ${fmt(b.p99Ms)} ms (${b.sends} sends)`);

  console.log(`\nEmail template render times (HTML + text, in this process; warm = mean of ${render.iterations} rounds × ${render.locales} locales)`);
  console.log(`  cold first render (${render.kind}): ${fmt(render.firstRenderMs)} ms`);
  console.log(table(
    [["Template", "warm mean ms"], ...Object.entries(render.warmMeanMs).map(([kind, ms]) => [kind, fmt(ms, 2)])],
    [false, true],
  ).replace(/^/gm, "  "));
}

const logLine = (line: string) => console.log(`bench: ${line}`);

/** The outbox part; in a full run its failure must not lose the sign-in results. */
async function measureOutbox(): Promise<OutboxBenchResult | { error: string }> {
  console.log("bench: outbox part…");
  try {
    return await runOutboxBench(interrupted.signal, logLine);
  } catch (error) {
    if (only) throw error;
    return { error: reasonOf(error) };
  }
}

function writeResult(result: Record<string, unknown>): void {
  mkdirSync(".data", { recursive: true });
  writeFileSync(RESULT_FILE, `${JSON.stringify({ finishedAt: new Date().toISOString(), node: process.version, cpus: availableParallelism(), ...result }, null, 2)}\n`);
}

/** Prints the outbox section and the closing line; sets the exit code when something went wrong. */
function finishOutbox(outbox: OutboxBenchResult | { error: string }, totalMs: number): void {
  if ("error" in outbox) console.log(`\nbench: the outbox part failed: ${outbox.error}`);
  else reportOutbox(outbox);
  console.log(`\nTotal bench time ${(totalMs / 1000).toFixed(1)} s; results written to ${RESULT_FILE}`);
  if ("error" in outbox || outbox.problems.length) process.exitCode = 1;
}

async function mainOutboxOnly(): Promise<void> {
  const started = performance.now();
  const outbox = await measureOutbox();
  if (interrupted.signal.aborted) return;
  const totalMs = performance.now() - started;
  writeResult({ parts: ["outbox"], outbox, totalMs });
  finishOutbox(outbox, totalMs);
}

async function main(): Promise<void> {
  const started = performance.now();
  const render = await measureTemplates();
  const build = await ensureBuild();
  const buildAtStart = buildId();

  sink = await startSmtpSink();
  console.log(`bench: SMTP sink on 127.0.0.1:${sink.port}`);
  const baseline = await measureSinkBaseline(sink.port);
  const baselineMessages = sink.received;

  const total = LEVELS.reduce((n, l) => n + WARMUP + l.requests, 0);
  const allEmails = Array.from({ length: total }, (_, i) => `bench-${String(i).padStart(4, "0")}@mailgate.test`);
  let taken = 0;
  const takeEmails = (n: number) => {
    const slice = allEmails.slice(taken, taken + n);
    taken += n;
    return slice;
  };
  prepareDatabase();
  seedDatabase(allEmails);

  app = await startApp(sink.port);
  console.log(`bench: next start ready at ${app.origin}`);

  const results: ScenarioResult[] = [];
  const setupIssues: SetupIssue[] = [];
  for (const level of LEVELS) {
    if (interrupted.signal.aborted) return;
    console.log(`bench: ${level.concurrency} client(s), ${level.requests} requests per step…`);
    results.push(...(await runLevel(app.origin, sink, level, takeEmails, setupIssues)));
  }
  if (interrupted.signal.aborted) return;
  // Request rows first, then verify rows.
  results.sort((a, b) => Number(a.scenario === VERIFY) - Number(b.scenario === VERIFY) || a.concurrency - b.concurrency);

  // Someone else may rebuild .next under the running server (this folder is shared).
  const rebuilt = buildId() !== buildAtStart;
  await sink.settle();
  const appMessages = sink.received - baselineMessages;
  await app.stop(); // idle, but its process should not share the CPUs with the outbox part
  const outbox = await measureOutbox();
  if (interrupted.signal.aborted) return;
  const totalMs = performance.now() - started;
  const nextVersion = (JSON.parse(readFileSync("node_modules/next/package.json", "utf8")) as { version: string }).version;
  writeResult({
    parts: ["sign-in", "render", "outbox"],
    next: nextVersion,
    build,
    buildId: buildAtStart,
    rebuiltDuringRun: rebuilt,
    target: app.origin,
    connector: "smtp (loopback sink, no TLS, no auth)",
    warmupRequests: WARMUP,
    scenarioCapMs: SCENARIO_CAP_MS,
    scenarios: results,
    setupIssues,
    smtpSink: { messagesFromApp: appMessages, withoutCode: sink.withoutCode, sendBaseline: baseline },
    render,
    outbox,
    totalMs,
  });
  report({ results, render, setupIssues, baseline, appMessages, withoutCode: sink.withoutCode });
  finishOutbox(outbox, totalMs);
  if (rebuilt) console.log("\nbench: warning: .next was rebuilt by someone else during the run; these numbers may be off.");
  const failed = results.reduce((n, r) => n + r.errors, 0) + setupIssues.reduce((n, s) => n + s.count, 0);
  if (failed) {
    console.log(`\nbench: ${failed} failed request(s); last server output:\n${app.output().split("\n").slice(-20).join("\n")}`);
    process.exitCode = 1;
  }
}

try {
  if (only === "peer") process.exitCode = (await runPeerBench(interrupted.signal, peerRun)) ? 0 : 1;
  else await (only === "outbox" ? mainOutboxOnly() : main());
} catch (error) {
  // After Ctrl-C the server is gone and whatever was in flight fails: not news.
  if (!interrupted.signal.aborted) console.error(`bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
// Keep-alive sockets to the stopped server must not hold the process open.
process.exit(process.exitCode ?? 0);
