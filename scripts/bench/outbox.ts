// The outbox part of `npm run bench`: what writing every email to the outbox
// first costs one send, and how fast the worker drains a backlog, for the
// SMTP and HTTP connectors. lib/ imports `server-only`, so the measuring runs
// in a child process started with the react-server condition; the receivers
// run here, so their work does not share the sender's event loop.
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { prepareDatabase } from "./app";
import { startHttpReceiver } from "./http-receiver";
import type { BenchMail, ChildConfig, ChildResult, OutboxBenchResult } from "./outbox-types";
import { startSmtpSink } from "./smtp-sink";

type ChildMessage = { type: "ready" } | { type: "progress"; text: string } | { type: "result"; result: ChildResult } | { type: "error"; message: string };

const CHILD_ENTRY = fileURLToPath(new URL("./outbox-child.ts", import.meta.url));
const CHILD_CAP_MS = 5 * 60_000;
const DEFAULTS = { latencySends: 100, warmupSends: 5, drainMessages: 500, drainLoops: [1, 2], batchSize: 50, concurrency: 10, drainCapMs: 60_000 } as const;

function runChild(config: ChildConfig, env: NodeJS.ProcessEnv, signal: AbortSignal, log: (line: string) => void): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD_ENTRY, [], {
      execArgv: ["--conditions=react-server", "--import", "tsx"],
      env,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result: ChildResult | undefined;
    let failure: string | undefined;
    const stop = () => child.kill("SIGTERM");
    const timer = setTimeout(() => {
      failure = `the outbox child process did not finish within ${CHILD_CAP_MS / 1000} s`;
      child.kill("SIGKILL");
    }, CHILD_CAP_MS);
    signal.addEventListener("abort", stop, { once: true });
    child.on("message", (message: ChildMessage) => {
      // Over IPC, not argv: the rendered HTML can be longer than one argument may be.
      if (message.type === "ready") child.send({ type: "config", config });
      else if (message.type === "progress") log(message.text);
      else if (message.type === "result") result = message.result;
      else failure = message.message;
    });
    child.on("error", (error) => {
      failure ??= error.message;
    });
    child.on("exit", (code, sig) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", stop);
      if (result && code === 0) resolve(result);
      else reject(new Error(`outbox child ${sig ?? `exited with code ${code}`}${failure ? `: ${failure}` : ""}`));
    });
  });
}

/** Everything a reader should not miss: errors, lost or doubled messages, skipped connectors. */
function findProblems(result: Omit<OutboxBenchResult, "problems" | "database" | "totalMs">): string[] {
  const problems: string[] = [];
  for (const s of result.skipped) problems.push(`${s.connector}: skipped: ${s.reason}`);
  for (const l of result.latency) {
    for (const [path, stats] of [["direct", l.direct], ["outbox", l.outbox]] as const) {
      for (const [reason, n] of Object.entries(stats.errorsByReason)) problems.push(`${l.connector} ${path} send: ${n} × ${reason}`);
    }
  }
  for (const d of result.drains) {
    for (const [what, n] of Object.entries(d.notSent)) problems.push(`${d.connector} drain ×${d.loops}: ${n} of ${d.messages} ended ${what}`);
    for (const [reason, n] of Object.entries(d.roundErrors)) problems.push(`${d.connector} drain ×${d.loops}: ${n} round(s) threw: ${reason}`);
    if (d.capped) problems.push(`${d.connector} drain ×${d.loops}: stopped by the ${result.config.drainCapMs / 1000} s cap`);
  }
  for (const r of result.receivers) {
    if (r.received !== r.expected) problems.push(`${r.connector} receiver got ${r.received} messages, the connector reported ${r.expected} sent`);
    if (r.duplicates) problems.push(`${r.connector} receiver saw ${r.duplicates} repeated Idempotency-Key(s)`);
  }
  return problems;
}

async function renderBenchMail(): Promise<BenchMail> {
  // Imported late: in a full run, nothing may load the templates before their cold render is timed.
  const { renderEmail, sampleRenderInput } = await import("../../lib/mail/render");
  const input = sampleRenderInput("SignIn");
  const { subject, html, text } = await renderEmail(input);
  const variables = { code: input.code ?? "", ttlMinutes: input.ttlMinutes ?? 10 };
  return { subject, html, text, senderName: input.branding.senderName, context: { type: "SignIn", locale: input.locale, variables, ip: "198.18.0.1" } };
}

export async function runOutboxBench(signal: AbortSignal, log: (line: string) => void): Promise<OutboxBenchResult> {
  const started = performance.now();
  const dbFile = `.data/bench-outbox-${process.pid}.db`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:./${dbFile}`,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_URL: "http://127.0.0.1:3000",
    EMAIL_CONNECTOR: "dev",
    EMAIL_FROM: "Bench <bench@mailgate.test>",
    OUTBOX_WORKER: "off",
    OUTBOX_MAX_ATTEMPTS: "6",
    OUTBOX_RETRY_BASE_SECONDS: "60",
    NODE_ENV: "production",
  };
  // Sealed with a key derived from this run's AUTH_SECRET, whatever the shell has.
  delete env.ENCRYPTION_KEYS;
  prepareDatabase(dbFile, env);
  const sink = await startSmtpSink();
  const receiver = await startHttpReceiver();
  try {
    const config: ChildConfig = { ...DEFAULTS, mail: await renderBenchMail(), smtpPort: sink.port, httpUrl: receiver.url };
    log(`outbox: SMTP sink on 127.0.0.1:${sink.port}, HTTP receiver at ${receiver.url}, database ${dbFile}`);
    const child = await runChild(config, env, signal, log);
    const receivers = [
      { connector: "smtp", expected: child.delivered.smtp ?? 0, received: sink.received, duplicates: null },
      { connector: "http", expected: child.delivered.http ?? 0, received: receiver.received, duplicates: receiver.duplicates },
    ].filter((r) => !child.skipped.some((s) => s.connector === r.connector));
    const measured = { ...child, config, receivers, smtpGreetingDelayMs: 100 };
    const problems = findProblems(measured);
    if (!problems.length) for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${dbFile}${suffix}`, { force: true });
    return { ...measured, problems, database: problems.length ? dbFile : null, totalMs: performance.now() - started };
  } finally {
    await Promise.all([sink.close(), receiver.close()]);
  }
}
