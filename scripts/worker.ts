// `npm run worker`: the delivery outbox worker on its own, for deployments
// with several app instances (set OUTBOX_WORKER=off on the app instances, or
// keep them: claiming a message is atomic, so any number of workers is safe).
import { loadEnvFiles } from "./load-env.mjs";

loadEnvFiles();
const { env } = await import("@/lib/env");
const { startOutboxWorker } = await import("@/lib/mail/worker");

const worker = startOutboxWorker({ pollMs: env.OUTBOX_POLL_SECONDS * 1000 });
console.log(`mailgate worker: polling the outbox every ${env.OUTBOX_POLL_SECONDS}s (${env.OUTBOX_MAX_ATTEMPTS} attempts, first retry after ~${env.OUTBOX_RETRY_BASE_SECONDS}s)`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`mailgate worker: ${signal}, finishing the messages in hand…`);
  await worker.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
