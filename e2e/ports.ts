/**
 * Every port the end-to-end run uses, moved together by E2E_PORT_OFFSET so
 * two checkouts on one machine can run their suites at the same time.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);

export const PORTS = {
  app: 3100 + offset,
  console: 3101 + offset,
  /** The front door spec's instance (no trusted proxy, its own per-IP budget). */
  frontDoor: 3102 + offset,
  /** The sink's open SMTP listener; its HTTP API is one above, the AUTH listener two above. */
  smtp: 2525 + offset,
  sinkHttp: 2526 + offset,
  smtpAuth: 2527 + offset,
  /** Instances a spec starts on its own from the same build (e2e/app-instance.ts). */
  fuzz: 3103 + offset,
  faults: 3104 + offset,
  /** e2e/site.spec.ts's instance with the dev mailbox turned on (as a demo would). */
  devMailbox: 3105 + offset,
  /** The test social providers (tests/providers/serve.ts): OpenID Connect (plain, Google- and Entra-shaped) and GitHub. */
  oidc: 3110 + offset,
  github: 3111 + offset,
  /** The test DNS server (tests/dns/serve.ts), UDP and TCP: the console instance's DNS_SERVERS. */
  dns: 3112 + offset,
} as const;

/** The SQLite file under .data of each instance playwright.config.ts starts; fixtures seed accounts into them. */
export const DATABASES = {
  app: "e2e.db",
  console: "e2e-console.db",
  frontDoor: "e2e-front-door.db",
} as const;
