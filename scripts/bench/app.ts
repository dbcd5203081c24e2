// Builds (only when there is no build), prepares the bench database and runs
// the app (scripts/server.mjs, what `npm start` runs) on a free loopback port.
import { spawn, spawnSync, execFileSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";

export const BENCH_DB_FILE = ".data/bench.db";
export const BENCH_DB_URL = `file:./${BENCH_DB_FILE}`;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Is `argv` a `next build` (node …/next build, npx next build, npm exec next build)? */
function isNextBuild(argv: string[]): boolean {
  return argv.some((arg, i) => /(^|\/)next$/.test(arg) && argv[i + 1] === "build");
}

/**
 * Another `next build` writing .next? `pgrep -f "next build"` alone also
 * matches a shell that ran `next build && next start` and is now serving, so
 * each match's real argument list is checked.
 */
function buildRunning(): boolean {
  if (existsSync(".next/lock")) return true;
  const result = spawnSync("pgrep", ["-f", "next build"], { encoding: "utf8" });
  const pids = (result.stdout ?? "").split(/\s+/).filter(Boolean).map(Number).filter((pid) => pid !== process.pid);
  return pids.some((pid) => {
    try {
      return isNextBuild(readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0"));
    } catch {
      return false; // gone already, or no /proc: rely on .next/lock
    }
  });
}

/** Waits (bounded) for another `next build` in this folder to finish. */
async function waitForOtherBuild(maxMs: number): Promise<void> {
  const deadline = Date.now() + maxMs;
  let told = false;
  while (buildRunning()) {
    if (!told) console.log("bench: another `next build` is running here; waiting for it to finish…");
    told = true;
    if (Date.now() > deadline) throw new Error(`another next build was still running after ${maxMs / 1000} s; try again later`);
    await sleep(2000);
  }
}

/** The id of the build in .next, or null when there is none. */
export function buildId(): string | null {
  try {
    return readFileSync(".next/BUILD_ID", "utf8").trim();
  } catch {
    return null;
  }
}

/** Reuses .next when it holds a build; builds only when BUILD_ID is missing. */
export async function ensureBuild(): Promise<"reused" | "built"> {
  await waitForOtherBuild(120_000);
  if (existsSync(".next/BUILD_ID")) {
    console.log("bench: reusing the existing production build (.next/BUILD_ID found)");
    return "reused";
  }
  console.log("bench: no production build (.next/BUILD_ID missing): running `npm run build`…");
  // `npm run build`, not `next build`: its prepare step generates AUTH_SECRET
  // on a fresh clone, without which the build cannot collect its pages.
  execFileSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, timeout: 10 * 60_000 });
  if (!existsSync(".next/BUILD_ID")) throw new Error("next build finished without .next/BUILD_ID");
  return "built";
}

/** Fresh database: delete the old files, apply the migrations. */
export function prepareDatabase(file = BENCH_DB_FILE, env: NodeJS.ProcessEnv = process.env): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  execFileSync("node", ["scripts/prepare.mjs"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...env, DATABASE_URL: `file:./${file}` },
    timeout: 120_000,
  });
}

/** What Prisma's SQLite adapter writes for a DateTime (ISO 8601 with +00:00). */
const prismaDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

/**
 * Raises the per-IP limits (every request comes from loopback) and inserts
 * verified users directly (with `passwordHash`, for the password sign-in
 * step): setup, not part of what is measured.
 */
export function seedDatabase(emails: readonly string[], passwordHash: string | null = null): void {
  const db = new Database(BENCH_DB_FILE);
  try {
    const now = prismaDate(new Date());
    const signInExperience = { otp: { maxSendsPerIpPerHour: 100_000, maxVerifiesPerIpPerHour: 100_000 } };
    db.prepare(
      `INSERT INTO "Settings" ("id", "signInExperience", "branding", "updatedAt") VALUES (1, ?, '{}', ?)
       ON CONFLICT ("id") DO UPDATE SET "signInExperience" = excluded."signInExperience", "updatedAt" = excluded."updatedAt"`,
    ).run(JSON.stringify(signInExperience), now);
    const insert = db.prepare(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "locale", "emailVerifiedAt", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, NULL, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (const [i, email] of emails.entries()) insert.run(randomUUID(), email.toLowerCase(), `Bench user ${i}`, passwordHash, now, now, now);
    })();
  } finally {
    db.close();
  }
}

export type RunningApp = { origin: string; child: ChildProcess; stop(): Promise<void>; output(): string };

/** Starts the app's server and waits until GET /sign-in answers 200. */
export async function startApp(smtpPort: number, timeoutMs = 60_000): Promise<RunningApp> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(process.env.BENCH_APP_NODE_ARGS?.split(" ").filter(Boolean) ?? []), "scripts/server.mjs"], {
    detached: true, // own process group, so stop() ends next and its workers together
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: BENCH_DB_URL,
      APP_URL: origin,
      HOST: "127.0.0.1",
      PORT: String(port),
      EMAIL_CONNECTOR: "smtp",
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(smtpPort),
      SMTP_SECURE: "false",
      SMTP_USER: "",
      SMTP_PASSWORD: "",
      EMAIL_FROM: "Bench <bench@mailgate.test>",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
  });
  // Keep the last few KB of the server's output for error reports.
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString("utf8")).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited: string | null = null;
  child.on("exit", (code, signal) => {
    exited = `exited with ${signal ?? `code ${code}`}`;
  });

  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const pid = child.pid;
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = sleep(5000).then(() => "timeout" as const);
    if ((await Promise.race([gone.then(() => "gone" as const), timer])) === "timeout") {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
      await Promise.race([gone, sleep(2000)]);
    }
  };

  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; attempt < 600 && Date.now() < deadline; attempt += 1) {
    if (exited) throw new Error(`the server ${exited} before it was ready:\n${log}`);
    try {
      const res = await fetch(`${origin}/sign-in`, { redirect: "manual", signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status === 200) return { origin, child, stop, output: () => log };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`the server did not answer GET /sign-in with 200 within ${timeoutMs / 1000} s:\n${log}`);
}
