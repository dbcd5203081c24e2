import { execFileSync } from "node:child_process";
import { chmodSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "@/lib/account/test-fixtures";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { DatabaseUnavailableError } from "@/lib/db-unavailable";
import { call, signInAs } from "./api-client";

/**
 * Real database faults against the real Account API handlers and lib/db.ts:
 * PostgreSQL backends terminated (pg_terminate_backend) and the database
 * refusing connections; the SQLite file made read-only. Reads survive one
 * dropped connection (retried); anything else answers 503
 * `database_unavailable`, never a bare 500.
 */
// As in account-api.test.ts (./api-client.ts): only who the session cookie belongs to and the request context are replaced.
let signedIn: CurrentUser | null = null;

const account = await import("@/app/api/my-account/route");
const profile = await import("@/app/api/my-account/profile/route");

const databaseUrl = process.env.DATABASE_URL!;
const onPostgres = /^postgres(ql)?:\/\//.test(databaseUrl);
async function getAccount() {
  const { status, json } = await call(account.GET, "GET");
  return { status, body: json };
}

async function patchProfile(name: string) {
  const { status, json } = await call(profile.PATCH, "PATCH", { body: { name } });
  return { status, body: json };
}

const WAITING_COUNT = `SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND query LIKE 'SELECT COUNT(%'`;

async function waitUntil(condition: () => Promise<boolean>) {
  for (const deadline = Date.now() + 10_000; !(await condition()); ) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the read to reach the database");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const unavailable = { status: 503, body: { error: { code: "database_unavailable", message: expect.stringMatching(/couldn't reach the database/) } } };

describe.runIf(onPostgres)("PostgreSQL connections terminated", () => {
  const name = new URL(databaseUrl).pathname.slice(1);
  const server = new URL(databaseUrl);
  server.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: server.toString() });
  const sameDatabase = new pg.Client({ connectionString: databaseUrl });
  let lockHolder = 0;
  // Every backend of the app's pool (this process's lib/db), not the test's own two.
  const terminateOthers = () =>
    admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND pid <> $2", [name, lockHolder]);

  beforeAll(async () => {
    await admin.connect();
    await sameDatabase.connect();
    lockHolder = (await sameDatabase.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    signedIn = signInAs(await makeUser());
  });
  afterAll(async () => {
    await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
    await sameDatabase.end();
    await admin.end();
  });

  it("retries a read whose connection is terminated while it runs, and it succeeds", async () => {
    // The read waits on a lock, so its backend is certainly busy with it when terminated.
    await sameDatabase.query("BEGIN");
    await sameDatabase.query(`LOCK TABLE "User" IN ACCESS EXCLUSIVE MODE`);
    // A Prisma query starts when awaited (then); this one waits on the lock.
    const read = db.user.count().then((count) => count);
    await waitUntil(async () => (await admin.query(WAITING_COUNT, [name])).rowCount! > 0);
    const { rowCount } = await terminateOthers();
    expect(rowCount).toBeGreaterThan(0);
    await sameDatabase.query("COMMIT");
    await expect(read).resolves.toBeGreaterThan(0);
    expect((await getAccount()).status).toBe(200);
  });

  it("answers 503 database_unavailable while the database refuses connections, and recovers", async () => {
    await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
    await terminateOthers();
    await expect(db.user.count()).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(await getAccount()).toEqual(unavailable);
    expect(await patchProfile("Ada")).toEqual(unavailable);
    await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
    expect(await patchProfile("Ada")).toMatchObject({ status: 200 });
  });
});

describe.runIf(!onPostgres)("SQLite file read-only", () => {
  const file = databaseUrl.replace(/^file:/, "");
  // Root ignores file modes: the immutable flag refuses writes to root too.
  const asRoot = process.getuid?.() === 0;
  const setReadOnly = (on: boolean) => (asRoot ? execFileSync("chattr", [on ? "+i" : "-i", file]) : chmodSync(file, on ? 0o444 : 0o644));

  beforeAll(async () => {
    signedIn = signInAs(await makeUser());
    // Reopened below onto a read-only file, as after a restart: one file, no WAL beside it.
    await db.$disconnect();
    const sqlite = new Database(file);
    sqlite.pragma("journal_mode = DELETE");
    sqlite.close();
    setReadOnly(true);
  });
  afterAll(async () => {
    await db.$disconnect();
    setReadOnly(false);
  });

  it("still reads, and answers a write with 503 database_unavailable", async () => {
    expect(await getAccount()).toMatchObject({ status: 200, body: { email: signedIn!.email } });
    expect(await patchProfile("Ada")).toEqual(unavailable);
    await expect(db.user.updateMany({ data: { name: "x" } })).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });
});
