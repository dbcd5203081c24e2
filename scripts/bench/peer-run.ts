// `npm run bench -- --peer`: the side-by-side run against Better Auth's
// email-OTP peer (scripts/bench/peer.ts), plus password sign-in against one
// bare argon2id verify with the same parameters. Prints both figures and
// the ratios, and checks them against the speed targets. In the same run,
// the framework floor on the peer's app (scripts/bench/floor.ts): what an
// empty server action and an empty route handler cost, and so the best
// verify ratio within reach.
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";
import { HASH_OPTIONS } from "../../lib/auth/password-options";
import { ensureBuild, prepareDatabase, seedDatabase, startApp, type RunningApp } from "./app";
import { floorCeilings, measureFloor, reportFloor, type FloorCeiling, type FloorRow } from "./floor";
import { loadPasswordForm, passwordSignIn } from "./flows";
import { percentile, runScenario, type ScenarioResult } from "./load";
import { BETTER_AUTH_VERSION, ensurePeerBuild, startPeer, type RunningPeer } from "./peer";
import { REQUEST_STEP, runSideBySide, VERIFY_STEP, type Level, type SideBySideRow } from "./side-by-side";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";
import { fmt, resultCell, table } from "./table";
import { mailgateTarget, peerTarget, type Target } from "./targets";

const LEVELS: Level[] = [
  { concurrency: 1, requests: 100 },
  { concurrency: 20, requests: 200 },
];
const WARMUP = 20;
// Before anything is measured (why: scripts/bench/side-by-side.ts).
const WARM_UP_PAIRS = 300;
const CAP_MS = 60_000;
const PASSWORD_ROUNDS = 60;
const PASSWORD = "bench password for everyone";
const RESULT_FILE = ".data/bench-peer-result.json";
/** The speed issue's targets. */
const TARGETS = { ratio: 1.5, requestP50Ms: 10, verifyP50Ms: 8, passwordOverArgon2: 1.3 };

/** What is running, for the caller to stop on the way out (Ctrl-C included). */
export type PeerRunServers = { app?: RunningApp; peer?: RunningPeer; sink?: SmtpSink };

export async function runPeerBench(signal: AbortSignal, cleanup: PeerRunServers): Promise<boolean> {
  const started = performance.now();
  await ensureBuild();
  const peerBuild = ensurePeerBuild((line) => console.log(`bench: ${line}`));
  const perTarget = WARM_UP_PAIRS + LEVELS.reduce((n, l) => n + 2 * WARMUP + l.requests, 0);
  const ours = Array.from({ length: perTarget }, (_, i) => `bench-${String(i).padStart(4, "0")}@mailgate.test`);
  const theirs = Array.from({ length: perTarget }, (_, i) => `peer-${String(i).padStart(4, "0")}@peer.test`);
  const passwordUsers = Array.from({ length: PASSWORD_ROUNDS + WARMUP }, (_, i) => `password-${String(i).padStart(3, "0")}@mailgate.test`);

  cleanup.sink = await startSmtpSink();
  prepareDatabase();
  seedDatabase(ours);
  seedDatabase(passwordUsers, await hash(PASSWORD, HASH_OPTIONS));
  cleanup.app = await startApp(cleanup.sink.port);
  cleanup.peer = await startPeer(peerBuild, cleanup.sink.port, theirs);
  console.log(`bench: Mailgate at ${cleanup.app.origin}, Better Auth ${BETTER_AUTH_VERSION} at ${cleanup.peer.origin}, SMTP sink on ${cleanup.sink.port}`);

  const targets = [mailgateTarget(cleanup.app.origin), peerTarget(cleanup.peer.origin)];
  const pools = new Map<Target, string[]>([[targets[0]!, ours], [targets[1]!, theirs]]);
  const issues: string[] = [];
  const rows = await runSideBySide({
    targets, sink: cleanup.sink, levels: LEVELS, warmup: WARMUP, warmUpPairs: WARM_UP_PAIRS, capMs: CAP_MS, signal,
    take: (target, n) => pools.get(target)!.splice(0, n),
    issue: (step, reason) => issues.push(`${step}: ${reason}`),
  });
  const floor = await measureFloor({ origin: cleanup.peer.origin, levels: LEVELS, warmup: WARMUP, capMs: CAP_MS, signal });
  // Results come in the targets' order: Mailgate, then Better Auth.
  const peerVerify = (clients: number) => rows.find((r) => r.step === VERIFY_STEP && r.concurrency === clients)?.results[1];
  const ceilings = floorCeilings(floor, peerVerify);
  const password = await measurePassword(cleanup.app.origin, passwordUsers, signal);

  const verdicts = report(rows, { floor, ceilings }, password, issues);
  mkdirSync(".data", { recursive: true });
  writeFileSync(RESULT_FILE, `${JSON.stringify({ finishedAt: new Date().toISOString(), node: process.version, cpus: availableParallelism(), betterAuth: BETTER_AUTH_VERSION, rows, floor, floorCeilings: ceilings, password, issues, verdicts, totalMs: performance.now() - started }, null, 2)}\n`);
  console.log(`\nResults written to ${RESULT_FILE} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return issues.length === 0 && rows.every((r) => r.results.every((x) => x.errors === 0)) && floor.every((r) => r.action.errors === 0 && r.route.errors === 0);
}

type PasswordResult = { argon2P50Ms: number | null; signIn: ScenarioResult };

/**
 * Password sign-in through the form, one client, against one bare argon2id
 * verify (this process, same parameters): the two alternate, one of each per
 * round, so a machine that speeds up or slows down during the step moves
 * both figures alike (measured one block after the other, the bare verify
 * once read 22.7 ms against 12 ms a minute later).
 */
async function measurePassword(origin: string, users: string[], signal: AbortSignal): Promise<PasswordResult> {
  const stored = await hash(PASSWORD, HASH_OPTIONS);
  const client = { origin, ip: "198.18.9.1" };
  const form = await loadPasswordForm(client);
  const argon2: number[] = [];
  const run = async (email: string) => {
    const t = performance.now();
    await verify(stored, PASSWORD);
    argon2.push(performance.now() - t);
    return passwordSignIn(client, form, email, PASSWORD);
  };
  await runScenario({ scenario: "warm-up", concurrency: 1, jobs: users.slice(0, WARMUP), capMs: CAP_MS, run, signal });
  argon2.length = 0;
  const signIn = await runScenario({ scenario: "password sign-in", concurrency: 1, jobs: users.slice(WARMUP), capMs: CAP_MS, run, signal });
  return { argon2P50Ms: percentile(argon2.sort((a, b) => a - b), 50), signIn: signIn.result };
}

function report(rows: SideBySideRow[], floor: { floor: FloorRow[]; ceilings: FloorCeiling[] }, password: PasswordResult, issues: string[]): string[] {
  const ratio = (row: SideBySideRow) => row.results[0]!.reqPerSec / Math.max(row.results[1]!.reqPerSec, 1e-9);
  console.log(`\nSide by side, one run, loopback SMTP sink, SQLite, ${availableParallelism()} CPUs (ratio = Mailgate req/s ÷ Better Auth req/s)`);
  console.log(table(
    [["step", "clients", "Mailgate", `Better Auth ${BETTER_AUTH_VERSION}`, "ratio"], ...rows.map((row) => [row.step, String(row.concurrency), resultCell(row.results[0]!), resultCell(row.results[1]!), fmt(ratio(row), 2)])],
    [false, true, false, false, true],
  ));
  reportFloor(floor.floor, floor.ceilings, "Better Auth", TARGETS.ratio);
  const overArgon2 = password.signIn.p50Ms !== null && password.argon2P50Ms ? password.signIn.p50Ms / password.argon2P50Ms : null;
  console.log(`\nPassword sign-in, 1 client: p50 ${fmt(password.signIn.p50Ms)} ms; one bare argon2id verify (m=19 MiB, t=2, p=1): p50 ${fmt(password.argon2P50Ms, 2)} ms; ratio ${fmt(overArgon2, 2)}`);
  if (issues.length) console.log(`\nSetup problems:\n${issues.map((i) => `  ${i}`).join("\n")}`);

  const p50 = (step: string, clients: number) => rows.find((r) => r.step === step && r.concurrency === clients)?.results[0]!.p50Ms ?? null;
  const checks: [string, boolean][] = [
    ...rows.map((row): [string, boolean] => [`${row.step} ×${row.concurrency}: ratio ${fmt(ratio(row), 2)} ≥ ${TARGETS.ratio}`, ratio(row) >= TARGETS.ratio]),
    [`request a code ×1: p50 ${fmt(p50(REQUEST_STEP, 1))} ms ≤ ${TARGETS.requestP50Ms} ms`, (p50(REQUEST_STEP, 1) ?? Infinity) <= TARGETS.requestP50Ms],
    [`verify ×1: p50 ${fmt(p50(VERIFY_STEP, 1))} ms ≤ ${TARGETS.verifyP50Ms} ms`, (p50(VERIFY_STEP, 1) ?? Infinity) <= TARGETS.verifyP50Ms],
    [`password sign-in ×1 ≤ ${TARGETS.passwordOverArgon2} × argon2id verify: ${fmt(overArgon2, 2)}`, (overArgon2 ?? Infinity) <= TARGETS.passwordOverArgon2],
  ];
  console.log("\nTargets:");
  for (const [line, met] of checks) console.log(`  ${met ? "met   " : "missed"}  ${line}`);
  return checks.map(([line, met]) => `${met ? "met" : "missed"}: ${line}`);
}
