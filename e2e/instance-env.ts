import { PORTS } from "./ports";

/**
 * The environment of the app instances playwright.config.ts starts, shared
 * with the seeder (e2e/seed/seeder.ts): code it runs for an instance — an
 * invitation's email and link — sends and links as that instance would.
 */

/** The server on one port of 127.0.0.1 (HOST and PORT are read by scripts/server.mjs). */
export const serve = (port: number) => ({ HOST: "127.0.0.1", PORT: String(port), APP_URL: `http://127.0.0.1:${port}` });

/** What every app instance shares: SMTP to the open sink listener, fast retries. */
export const appEnv = {
  EMAIL_CONNECTOR: "smtp",
  SMTP_HOST: "127.0.0.1",
  SMTP_PORT: String(PORTS.smtp),
  SMTP_SECURE: "false",
  EMAIL_FROM: "Mailgate E2E <no-reply@mailgate.test>",
  // Retries within seconds, so a test can watch a failed email being retried.
  OUTBOX_RETRY_BASE_SECONDS: "2",
  OUTBOX_POLL_SECONDS: "0.5",
  NEXT_TELEMETRY_DISABLED: "1",
};
