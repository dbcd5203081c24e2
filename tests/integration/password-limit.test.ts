import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeCtx, makeUser, PASSWORD } from "@/lib/account/test-fixtures";
import { verifyWithPassword } from "@/lib/account/step-up";
import { checkPasswordWithin } from "@/lib/auth/password-attempt";
import { signInWithPassword, WRONG_CREDENTIALS } from "@/lib/auth/sign-in";
import { defaultSignInExperience } from "@/lib/settings/schema";

/**
 * The per-account password limit under concurrency, on this run's database
 * (SQLite or PostgreSQL). The argon2 verify is slow and asynchronous, so
 * requests that only counted a failure after it all passed the check first.
 */
const limit = defaultSignInExperience.password.maxFailuresPer15Minutes;
const wrongTries = (n: number) => Array.from({ length: n }, (_, i) => `wrong password number ${i}`);

describe("password limit under concurrency", () => {
  it("80 concurrent wrong passwords for one account from one IP: at most `limit` are verified", async () => {
    const user = await makeUser();
    const ctx = makeCtx();
    const results = await Promise.all(wrongTries(80).map((password) => signInWithPassword({ email: user.email, password }, ctx)));
    const verified = results.filter((r) => !r.ok && r.formError === WRONG_CREDENTIALS).length;
    const failures = await db.auditEvent.count({ where: { userId: user.id, type: "sign_in_failed" } });
    console.info(`sign-in: ${verified} of 80 verified against a limit of ${limit}; ${failures} sign_in_failed events`);
    expect(verified).toBe(limit);
    expect(failures).toBe(limit);
    // While limited, even the right password is refused without a check.
    expect(await signInWithPassword({ email: user.email, password: PASSWORD }, makeCtx())).toMatchObject({ ok: false, formError: expect.stringMatching(/Too many/) });
  });

  it("80 concurrent wrong passwords from 80 addresses for an unknown account: the same limit", async () => {
    const email = `nobody-${Date.now()}@example.test`;
    const results = await Promise.all(wrongTries(80).map((password) => signInWithPassword({ email, password }, makeCtx())));
    const verified = results.filter((r) => !r.ok && r.formError === WRONG_CREDENTIALS).length;
    console.info(`sign-in, unknown address: ${verified} of 80 verified`);
    expect(verified).toBe(limit);
  });

  it("80 concurrent wrong step-up passwords: at most `limit` are verified", async () => {
    const user = await makeUser();
    const results = await Promise.all(wrongTries(80).map((password) => verifyWithPassword(user, password, makeCtx())));
    const verified = results.filter((r) => !r.ok && r.fieldErrors?.password?.[0] === "That password is wrong.").length;
    const failures = await db.auditEvent.count({ where: { userId: user.id, type: "step_up_failed" } });
    console.info(`step-up: ${verified} of 80 verified against a limit of ${limit}; ${failures} step_up_failed events`);
    expect(verified).toBe(limit);
    expect(failures).toBe(limit);
    expect((await verifyWithPassword(user, PASSWORD, makeCtx())).ok).toBe(false);
  });

  it("a right password gives its attempt back: only failures count", async () => {
    const user = await makeUser();
    const attempt = (password: string) => signInWithPassword({ email: user.email, password }, makeCtx());
    for (const password of wrongTries(limit - 1)) expect(await attempt(password)).toMatchObject({ formError: WRONG_CREDENTIALS });
    expect(await attempt(PASSWORD)).toMatchObject({ ok: true });
    // Had the success kept its attempt, the window would be full now.
    expect(await attempt("one more wrong password")).toMatchObject({ formError: WRONG_CREDENTIALS });
    expect(await attempt("and yet another wrong one")).toMatchObject({ formError: expect.stringMatching(/Too many/) });
  });

  it("the attempts are given back in the commit of the sign-in's own writes: if those fail, the attempts stay taken", async () => {
    const buckets = [{ bucket: `test-a:${Date.now()}`, limit: 2 }, { bucket: `test-b:${Date.now()}`, limit: 2 }];
    const counts = async () => (await db.rateCounter.findMany({ where: { id: { in: buckets.map((b) => b.bucket) } }, orderBy: { id: "asc" } })).map((r) => r.count);
    const right = async () => true;
    await expect(checkPasswordWithin(buckets, right, async () => {
      throw new Error("the session could not be written");
    })).rejects.toThrow("the session could not be written");
    expect(await counts()).toEqual([1, 1]);
    expect(await checkPasswordWithin(buckets, right, async () => "signed in")).toEqual({ verdict: "right", value: "signed in" });
    expect(await counts()).toEqual([1, 1]);
    // Both limits full: refused before the hash, and the refusal took nothing from the second.
    expect(await checkPasswordWithin(buckets, async () => false)).toEqual({ verdict: "wrong" });
    expect(await counts()).toEqual([2, 2]);
    expect(await checkPasswordWithin(buckets, right)).toEqual({ verdict: "limited" });
    expect(await counts()).toEqual([2, 2]);
  });
});
