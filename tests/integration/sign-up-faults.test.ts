import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { latestCode, makeCtx } from "@/lib/account/test-fixtures";
import { completeSignUp, startSignUp } from "@/lib/auth/sign-up";

/**
 * A database fault in the middle of completing a sign-up, made with a
 * trigger that refuses one table's inserts (SQLite or PostgreSQL, whichever
 * this run uses). The code must still be usable afterwards.
 */
const postgres = /^postgres/.test(process.env.DATABASE_URL ?? "");

async function refuseInserts(table: "User" | "Session") {
  const name = `fault_${table.toLowerCase()}`;
  if (postgres) {
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION mailgate_fault() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION mailgate_fault()`);
  } else {
    await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" BEGIN SELECT RAISE(ABORT, 'injected fault'); END`);
  }
}

async function allowInserts() {
  for (const table of ["User", "Session"]) {
    await db.$executeRawUnsafe(postgres ? `DROP TRIGGER IF EXISTS fault_${table.toLowerCase()} ON "${table}"` : `DROP TRIGGER IF EXISTS fault_${table.toLowerCase()}`);
  }
}

afterEach(allowInserts);

async function pendingSignUp() {
  const email = `fault-${Math.random().toString(36).slice(2, 10)}@example.test`;
  const ctx = makeCtx();
  const started = await startSignUp({ email, password: "a long enough passphrase", name: "" }, ctx);
  if (!started.ok) throw new Error(`not started: ${JSON.stringify(started)}`);
  return { email, ctx, flowId: started.value.flowId, code: await latestCode(email) };
}

const state = async (email: string, flowId: string) => ({
  consumed: (await db.verificationCode.findUniqueOrThrow({ where: { purpose_email: { purpose: "Register", email } } })).consumedAt !== null,
  flow: await db.authFlow.count({ where: { id: flowId } }),
  users: await db.user.count({ where: { email } }),
});

describe("completing a sign-up under database faults", () => {
  for (const table of ["User", "Session"] as const) {
    it(`an insert into ${table} that fails leaves the code unconsumed, and the same code works afterwards`, async () => {
      const { email, ctx, flowId, code } = await pendingSignUp();
      await refuseInserts(table);
      await expect(completeSignUp(flowId, code, ctx)).rejects.toThrow();
      expect(await state(email, flowId)).toEqual({ consumed: false, flow: 1, users: 0 });

      await allowInserts();
      expect(await completeSignUp(flowId, code, ctx)).toMatchObject({ ok: true, value: { session: { sessionId: expect.any(String), userId: expect.any(String) } } });
      expect(await state(email, flowId)).toEqual({ consumed: true, flow: 0, users: 1 });
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    });
  }
});
