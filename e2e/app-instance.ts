import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { PORTS } from "./ports";

/**
 * A private instance (scripts/server.mjs, what `npm start` runs) of the build the suite's webServer made, with its
 * own database, for specs that would disturb the shared instances: the fuzz
 * run (it trips per-IP limits) and the database faults (they break the
 * database on purpose). Emails go to the suite's SMTP sink.
 */
export type AppInstance = { url: string; databaseUrl: string; stop(): Promise<void>; output(): string };

export type InstanceOptions = {
  port: number;
  /** A SQLite file under .data (recreated unless `keep`) or a PostgreSQL URL (migrated as is). */
  database: { sqlite: string; keep?: boolean } | { postgres: string };
  env?: Record<string, string>;
};

function freshDatabaseUrl(database: InstanceOptions["database"]): string {
  if ("postgres" in database) return database.postgres;
  if (database.keep) return `file:./.data/${database.sqlite}`;
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`.data/${database.sqlite}${suffix}`, { force: true });
  return `file:./.data/${database.sqlite}`;
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${log()}`);
    const up = await fetch(`${url}/sign-in`).then((r) => r.ok, () => false);
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the app did not answer on ${url} within 60 s:\n${log()}`);
}

export async function startApp({ port, database, env = {} }: InstanceOptions): Promise<AppInstance> {
  const url = `http://127.0.0.1:${port}`;
  // Something else answering there would be tested instead.
  if (await fetch(url).then(() => true, () => false)) throw new Error(`Port ${port} is already in use: stop what listens there or change E2E_PORT_OFFSET`);
  const databaseUrl = freshDatabaseUrl(database);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    AUTH_TRUST_HOST: "true",
    EMAIL_CONNECTOR: "smtp",
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(PORTS.smtp),
    SMTP_SECURE: "false",
    EMAIL_FROM: "Mailgate E2E <no-reply@mailgate.test>",
    NEXT_TELEMETRY_DISABLED: "1",
    APP_URL: url,
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    ...env,
  };
  // A kept database is already migrated (and may be read-only on purpose).
  if (!("keep" in database && database.keep)) execFileSync("node", ["scripts/prepare.mjs"], { env: childEnv, stdio: ["ignore", "ignore", "inherit"] });
  const child = spawn("node", ["scripts/server.mjs"], { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-2_000_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  await waitUntilUp(url, child, () => log);
  return {
    url,
    databaseUrl,
    output: () => log,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
