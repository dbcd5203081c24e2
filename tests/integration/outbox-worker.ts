// An outbox worker in its own process, for the fault test: two of these
// share one database with the test, as `npm run worker` would in production.
import { startOutboxWorker } from "@/lib/mail/worker";

const maxAttempts = Number(process.env.TEST_WORKER_MAX_ATTEMPTS ?? 12);
const baseSeconds = Number(process.env.TEST_WORKER_BASE_SECONDS ?? 0.05);
const worker = startOutboxWorker({ pollMs: 50, batchSize: 20, concurrency: 5, policy: { maxAttempts, baseSeconds } });
process.on("message", async (message: string) => {
  if (message === "stop") {
    await worker.stop();
    process.send!("stopped");
    process.exit(0);
  }
});
process.send!("ready");
