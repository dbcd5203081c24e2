// `npm run worker`: the delivery outbox worker on its own, for deployments
// with several app instances (set OUTBOX_WORKER=off on the app instances, or
// keep them: claiming a message is atomic, so any number of workers is safe).
// It runs until SIGTERM or SIGINT: then it lets the sends in flight finish,
// gives back what it claimed but did not start, and exits 0. A second signal
// exits at once (the leases of unfinished sends run out within seconds).
import { loadEnvFiles } from "./load-env.mjs";

const DB_CHECK_MS = 10_000;

/** One line, no stack trace, exit 1: what an operator needs from a worker that cannot start. */
function refuseToStart(problem: string): never {
  console.error(`mailgate worker: cannot start: ${problem}`);
  process.exit(1);
}

/** Prisma puts the failed call's source before its reason: the reason is the last line (of the fault lib/db.ts wrapped, if it did). */
const lastLine = (error: unknown) => describeFault(error).replace(/\.$/, "");

loadEnvFiles();
const { describeFault } = await import("@/lib/db-unavailable");
// One line per problem and exit 1 for a bad environment, as `npm start` does.
const env = await (await import("@/lib/server/load-env-or-exit")).loadEnvOrExit();
const { db } = await import("@/lib/db").catch((error: unknown) => refuseToStart(`DATABASE_URL: ${lastLine(error)}`));
const { startOutboxWorker } = await import("@/lib/mail/worker");

// A worker that cannot reach its database would otherwise only log a failed round every poll.
try {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${DB_CHECK_MS / 1000} s`)), DB_CHECK_MS)));
  await Promise.race([db.emailMessage.findFirst({ select: { id: true } }), timeout]).finally(() => clearTimeout(timer));
} catch (error) {
  refuseToStart(`DATABASE_URL: the outbox could not be read (${lastLine(error)}). Is the database running and migrated (npm run db:migrate)?`);
}

const worker = startOutboxWorker({
  pollMs: env.OUTBOX_POLL_SECONDS * 1000,
  log: (line) => console.log(line),
  // The database away for a moment: one line per failed look, and the worker carries on.
  onError: (error) => console.error(`mailgate worker: could not reach the outbox (${lastLine(error)}); trying again`),
});
console.log(
  `mailgate worker: started, polling the outbox every ${env.OUTBOX_POLL_SECONDS}s (${env.OUTBOX_MAX_ATTEMPTS} attempts, first retry after ~${env.OUTBOX_RETRY_BASE_SECONDS}s)`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) {
    console.log(`mailgate worker: ${signal} again, exiting now; unfinished sends are picked up when their leases run out`);
    process.exit(1);
  }
  stopping = true;
  console.log(`mailgate worker: ${signal}, finishing the sends in flight…`);
  const { finished, released } = await worker.stop();
  await db.$disconnect().catch(() => undefined);
  console.log(`mailgate worker: stopped (${finished} send(s) finished, ${released} claim(s) given back)`);
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
