import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isPostgres, env } from "@/lib/env";
import { startCodeFlow } from "@/lib/auth/flow-code";
import { defaultSignInExperience } from "@/lib/settings/schema";

/**
 * Database faults around a code and its email, made by the database itself
 * (this run's SQLite file or PostgreSQL): triggers on the outbox table that
 * refuse a write while a row in `fault_flag` says so, and on PostgreSQL a
 * second connection that kills the app's connection in the middle of the
 * transaction. A code must never exist without its email, and a sent email
 * whose outcome could not be written at once must not go out again.
 */
const limits = { ...defaultSignInExperience.otp, maxSendsPerIpPerHour: 100_000 };
const ctx = { ip: "10.9.0.1", userAgent: null, acceptLanguage: null };
const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@faults.test`;

const SQLITE_TRIGGERS = [
  `CREATE TABLE fault_flag (name TEXT PRIMARY KEY)`,
  `CREATE TRIGGER fault_insert BEFORE INSERT ON "EmailMessage" WHEN EXISTS (SELECT 1 FROM fault_flag WHERE name = 'insert')
   BEGIN SELECT RAISE(ABORT, 'injected fault: outbox insert refused'); END`,
  `CREATE TRIGGER fault_outcome BEFORE UPDATE ON "EmailMessage" WHEN NEW.status = 'sent' AND EXISTS (SELECT 1 FROM fault_flag WHERE name = 'outcome')
   BEGIN SELECT RAISE(ABORT, 'injected fault: outcome refused'); END`,
];
const POSTGRES_TRIGGERS = [
  `CREATE TABLE fault_flag (name text PRIMARY KEY)`,
  `CREATE FUNCTION fault_email() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
     IF TG_OP = 'INSERT' AND EXISTS (SELECT 1 FROM fault_flag WHERE name = 'insert') THEN RAISE EXCEPTION 'injected fault: outbox insert refused'; END IF;
     IF TG_OP = 'INSERT' AND EXISTS (SELECT 1 FROM fault_flag WHERE name = 'pause') THEN PERFORM pg_sleep(20); END IF;
     IF TG_OP = 'UPDATE' AND NEW.status = 'sent' AND EXISTS (SELECT 1 FROM fault_flag WHERE name = 'outcome') THEN RAISE EXCEPTION 'injected fault: outcome refused'; END IF;
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER fault_email BEFORE INSERT OR UPDATE ON "EmailMessage" FOR EACH ROW EXECUTE FUNCTION fault_email()`,
];

const setFault = (name: string) => db.$executeRawUnsafe(`INSERT INTO fault_flag (name) VALUES ('${name}')`);
const clearFaults = () => db.$executeRawUnsafe(`DELETE FROM fault_flag`);
const codesFor = (email: string) => db.verificationCode.count({ where: { email } });
const emailsFor = (email: string) => db.emailMessage.count({ where: { recipient: email } });
const delivered = (email: string) => db.devMailboxMessage.count({ where: { to: { contains: email } } });

beforeAll(async () => {
  for (const sql of isPostgres ? POSTGRES_TRIGGERS : SQLITE_TRIGGERS) await db.$executeRawUnsafe(sql);
});

afterAll(async () => {
  // On PostgreSQL the next test files share this database.
  const drop = isPostgres
    ? [`DROP TRIGGER IF EXISTS fault_email ON "EmailMessage"`, `DROP FUNCTION IF EXISTS fault_email()`, `DROP TABLE IF EXISTS fault_flag`]
    : [`DROP TRIGGER IF EXISTS fault_insert`, `DROP TRIGGER IF EXISTS fault_outcome`, `DROP TABLE IF EXISTS fault_flag`];
  for (const sql of drop) await db.$executeRawUnsafe(sql);
});

describe("a code and its email: both or neither", () => {
  it("the outbox insert refused inside the transaction: no code is left, and the next request is not held by a cooldown", async () => {
    const email = unique("refused");
    await db.user.create({ data: { id: randomUUID(), email } });
    await setFault("insert");
    await expect(startCodeFlow("sign-in", email, ctx, limits)).rejects.toThrow();
    expect(await codesFor(email)).toBe(0);
    expect(await emailsFor(email)).toBe(0);

    await clearFaults();
    expect(await startCodeFlow("sign-in", email, ctx, limits)).toMatchObject({ ok: true });
    expect([await codesFor(email), await emailsFor(email), await delivered(email)]).toEqual([1, 1, 1]);
  });

  it.runIf(isPostgres)("the app's connection killed by another client in the middle of the transaction: no code is left", async () => {
    // A notice (no account): it goes through the same path as a code email.
    const email = unique("killed");
    await setFault("pause");
    const killer = new pg.Client({ connectionString: env.DATABASE_URL });
    await killer.connect();
    try {
      const request = startCodeFlow("sign-in", email, ctx, limits).then(() => "answered", (error: unknown) => error);
      // The outbox insert sleeps in its trigger, after the code row was written in the same transaction.
      let killed = 0;
      for (let i = 0; i < 100 && killed === 0; i++) {
        await sleep(50);
        const { rows } = await killer.query(
          `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'`,
        );
        killed = rows.length;
      }
      expect(killed).toBe(1);
      expect(await request).toBeInstanceOf(Error);
    } finally {
      await killer.end();
      await clearFaults();
    }
    expect(await codesFor(email)).toBe(0);
    expect(await emailsFor(email)).toBe(0);
    expect(await startCodeFlow("sign-in", email, ctx, limits)).toMatchObject({ ok: true });
  });
});

describe("a sent email whose outcome could not be written at once", () => {
  it("is recorded on the second try, and not sent again", async () => {
    const email = unique("outcome");
    await db.user.create({ data: { id: randomUUID(), email } });
    await setFault("outcome");
    const request = startCodeFlow("sign-in", email, ctx, limits);
    // Sent (it is in the dev mailbox); its first outcome write is refused; the database recovers before the second.
    for (let i = 0; i < 100 && (await delivered(email)) === 0; i++) await sleep(20);
    await sleep(200);
    await clearFaults();
    expect(await request).toMatchObject({ ok: true });
    const row = await db.emailMessage.findFirstOrThrow({ where: { recipient: email } });
    expect(row).toMatchObject({ status: "sent", attempts: 1, leaseToken: null });
    expect(await delivered(email)).toBe(1);
  });
});
