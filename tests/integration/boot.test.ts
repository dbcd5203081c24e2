import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

/**
 * A bad configuration ends boot with one line per problem naming the
 * variable, exit code 1 and no stack trace, before anything listens — in the
 * server (`npm start` / `npm run dev`) and in the prepare step that runs
 * first (migrations). Every variable that matters is set here, so a
 * developer's .env.local cannot change the outcome (real env wins).
 */
const SECRET = "boot-test-secret-boot-test-secret-0123456789";
const base = {
  NODE_ENV: "production" as const, // what `npm start` runs; the server would default to it
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? "",
  AUTH_SECRET: SECRET,
  DATABASE_URL: "file:./.data/boot-test.db",
  EMAIL_CONNECTOR: "smtp",
  SMTP_HOST: "127.0.0.1",
  DEV_MAILBOX_IN_PRODUCTION: "false",
  NEXT_TELEMETRY_DISABLED: "1",
  // Should a refusal ever fail, the server must not take a port someone uses.
  HOST: "127.0.0.1",
  PORT: "3979",
};

type Outcome = { code: number | null; stdout: string; stderr: string };

function run(script: string, env: Record<string, string>, args: string[] = []): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { env: { ...base, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    // A server that starts instead of refusing is stopped, and the test fails on its output.
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const expectRefusal = (outcome: Outcome, lines: string[]) => {
  expect(outcome.stderr.trimEnd().split("\n")).toEqual(lines);
  expect(outcome.code).toBe(1);
  expect(`${outcome.stdout}${outcome.stderr}`).not.toMatch(/\n\s+at |ready at/);
};

describe("the server refuses a bad configuration before listening", () => {
  it.each([
    ["a short AUTH_SECRET", { AUTH_SECRET: "too-short" }, ["mailgate: AUTH_SECRET: must be at least 32 characters (e.g. `openssl rand -base64 32`)"]],
    ["SMTP without SMTP_HOST", { SMTP_HOST: "" }, ["mailgate: SMTP_HOST: is required when EMAIL_CONNECTOR=smtp"]],
    ["an invalid DATABASE_URL", { DATABASE_URL: "mysql://db/app" }, ["mailgate: DATABASE_URL: must be file:<path> (SQLite) or postgresql://user@host:5432/db"]],
    [
      "the dev mailbox in production",
      { EMAIL_CONNECTOR: "dev" },
      ["mailgate: EMAIL_CONNECTOR: dev is refused in production (the dev mailbox shows every code to anyone): set EMAIL_CONNECTOR=smtp, or DEV_MAILBOX_IN_PRODUCTION=true for a demo"],
    ],
    [
      "several problems at once",
      { AUTH_SECRET: "x", TRUSTED_PROXY_HOPS: "one", CLIENT_IP_HEADER: "x-real-ip" },
      [
        "mailgate: AUTH_SECRET: must be at least 32 characters (e.g. `openssl rand -base64 32`)",
        "mailgate: TRUSTED_PROXY_HOPS: must be a whole number of proxies (e.g. 1)",
        "mailgate: CLIENT_IP_HEADER: was removed: set TRUSTED_PROXY_HOPS=1 (or TRUSTED_PROXIES) when a reverse proxy sets X-Forwarded-For",
      ],
    ],
  ])("%s", async (_, env, lines) => {
    expectRefusal(await run("scripts/server.mjs", env), lines);
  });
});

describe("prepare (migrations) refuses a bad configuration", () => {
  it("an invalid DATABASE_URL", async () => {
    expectRefusal(await run("scripts/prepare.mjs", { DATABASE_URL: "postgresql://user@db:port/app" }), [
      "mailgate: DATABASE_URL: must be file:<path> (SQLite) or postgresql://user@host:5432/db",
    ]);
  });

  it("an unreachable PostgreSQL", async () => {
    // Port 1 on loopback: nothing listens there, the refusal is immediate.
    expectRefusal(await run("scripts/prepare.mjs", { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/mailgate" }), [
      "mailgate: DATABASE_URL: cannot connect to PostgreSQL at 127.0.0.1:1 (ECONNREFUSED)",
    ]);
  });
});
