/**
 * Runs once when the server starts (not during `next build`): refuses a bad
 * configuration, e.g. production with the dev mailbox, which would show every
 * user's codes to anyone (scripts/server.mjs has already checked, before
 * listening; this covers plain `next start`, which listens first), warms the
 * code emails for the saved branding so the first user does not pay the
 * first-render cost, and starts the outbox worker (unless OUTBOX_WORKER=off,
 * for deployments that run `npm run worker` on its own).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadEnvOrExit } = await import("@/lib/server/load-env-or-exit");
  const env = await loadEnvOrExit({ serving: true });
  const { warnWithoutFrontDoor } = await import("@/lib/security/front-door-warning");
  warnWithoutFrontDoor();
  // Not awaited: readiness does not wait for it, and a code request that
  // comes first shares the compile of its email (render-cache.ts).
  const { warmCodeEmails } = await import("@/lib/mail/warm-code-emails");
  void warmCodeEmails(env.APP_URL);
  if (env.OUTBOX_WORKER === "inline") {
    // One worker per process, even if the dev server calls register() again.
    const holder = globalThis as typeof globalThis & { __mailgateWorker?: unknown };
    if (!holder.__mailgateWorker) {
      const { startOutboxWorker } = await import("@/lib/mail/worker");
      holder.__mailgateWorker = startOutboxWorker({ pollMs: env.OUTBOX_POLL_SECONDS * 1000 });
    }
  }
}
