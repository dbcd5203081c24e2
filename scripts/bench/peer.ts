// The Better Auth peer of `npm run bench -- --peer`: installed and built in a
// temporary folder from the sources in scripts/bench/peer/ (reused while
// those and the versions are unchanged), started on loopback against the
// bench's SMTP sink, and driven through its JSON endpoints as its client does.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "./app";
import { setCookies, StepError } from "./flows";

/** The peer's version: the one the speed issue measured against. */
export const BETTER_AUTH_VERSION = "1.7.25";
const SOURCE = "scripts/bench/peer";
const REQUEST_TIMEOUT_MS = 30_000;

const installed = (name: string) => (JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")) as { version: string }).version;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : [path];
  });
}

/** The same framework versions as Mailgate, so the comparison is of the auth code. */
function peerPackage() {
  return {
    name: "mailgate-bench-peer",
    private: true,
    type: "module",
    dependencies: {
      "better-auth": BETTER_AUTH_VERSION,
      // 12 is the last major that runs on Node 20.
      "better-sqlite3": "^12.4.1",
      next: installed("next"),
      nodemailer: installed("nodemailer"),
      react: installed("react"),
      "react-dom": installed("react-dom"),
    },
    allowScripts: { "better-sqlite3": true, sharp: false, "unrs-resolver": false },
  };
}

export type PeerBuild = { dir: string; reused: boolean };

/** Copies, installs and builds the peer unless a build of the same sources is already there. */
export function ensurePeerBuild(log: (line: string) => void): PeerBuild {
  const pkg = JSON.stringify(peerPackage(), null, 2);
  const hash = createHash("sha256").update(pkg);
  for (const file of sourceFiles(SOURCE).sort()) hash.update(file).update(readFileSync(file));
  const dir = join(tmpdir(), `mailgate-bench-peer-${hash.digest("hex").slice(0, 12)}`);
  if (existsSync(join(dir, ".next/BUILD_ID"))) return { dir, reused: true };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(SOURCE, dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), `${pkg}\n`);
  log(`installing Better Auth ${BETTER_AUTH_VERSION} and its framework into ${dir}…`);
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "inherit", timeout: 10 * 60_000 });
  log("building the peer…");
  // The build loads lib/auth.js too: give it what it reads at run time, so it has nothing to complain about.
  const buildEnv = { PEER_DB: join(dir, "build.db"), PEER_ORIGIN: "http://127.0.0.1:1", PEER_SECRET: randomBytes(32).toString("base64url"), PEER_SMTP_PORT: "1" };
  execFileSync("node", ["node_modules/next/dist/bin/next", "build"], {
    cwd: dir, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, ...buildEnv, NEXT_TELEMETRY_DISABLED: "1" }, timeout: 10 * 60_000,
  });
  if (!existsSync(join(dir, ".next/BUILD_ID"))) throw new Error("the peer's next build finished without .next/BUILD_ID");
  return { dir, reused: false };
}

export type RunningPeer = { origin: string; stop(): Promise<void>; output(): string };

/** Fresh database with `emails` as verified users, then `next start`; resolves once it answers. */
export async function startPeer(build: PeerBuild, smtpPort: number, emails: readonly string[]): Promise<RunningPeer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const database = join(build.dir, "bench.db");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${database}${suffix}`, { force: true });
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    PEER_DB: database,
    PEER_ORIGIN: origin,
    PEER_SECRET: randomBytes(32).toString("base64url"),
    PEER_SMTP_PORT: String(smtpPort),
  };
  execFileSync("node", ["setup.mjs"], { cwd: build.dir, env, input: emails.join("\n"), stdio: ["pipe", "ignore", "inherit"], timeout: 60_000 });
  const child: ChildProcess = spawn("node", ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: build.dir, env, detached: true, stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (chunk: Buffer) => (log = (log + chunk.toString("utf8")).slice(-8000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited = false;
  child.on("exit", () => (exited = true));
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    await Promise.race([gone, sleep(5000)]);
  };
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(250)) {
    if (exited) throw new Error(`the peer exited before it was ready:\n${log}`);
    try {
      const res = await fetch(`${origin}/api/auth/ok`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.ok) return { origin, stop, output: () => log };
    } catch {
      // not listening yet
    }
  }
  await stop();
  throw new Error(`the peer did not answer within 60 s:\n${log}`);
}

/** POSTs JSON as Better Auth's client does; returns the response with its body read, and how long that took. */
export async function postJson(origin: string, path: string, body: unknown) {
  const start = performance.now();
  const res = await fetch(`${origin}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: origin, "User-Agent": "mailgate-bench" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  return { res, text, ms: performance.now() - start };
}

/** (a) Request a sign-in code, as `authClient.emailOtp.sendVerificationOtp` does. */
export async function peerRequestCode(origin: string, email: string): Promise<{ ms: number; email: string }> {
  const { res, text, ms } = await postJson(origin, "/api/auth/email-otp/send-verification-otp", { email, type: "sign-in" });
  if (res.status !== 200) throw new StepError(`${res.status}`, text.slice(0, 100));
  return { ms, email };
}

/** (b) Verify the code, as `authClient.signIn.emailOtp` does; success = 200 with the session cookie. */
export async function peerVerifyCode(origin: string, email: string, otp: string): Promise<{ ms: number }> {
  const { res, text, ms } = await postJson(origin, "/api/auth/sign-in/email-otp", { email, otp });
  if (res.status !== 200) throw new StepError(`${res.status}`, text.slice(0, 100));
  if (!setCookies(res).get("better-auth.session_token")) throw new StepError("200 without a session cookie");
  return { ms };
}
