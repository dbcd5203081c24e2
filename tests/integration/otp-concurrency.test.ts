import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { issueCode } from "@/lib/otp/issue-code";
import { MINUTE, take } from "@/lib/otp/rate-limit";
import { verifyCode } from "@/lib/otp/verify-code";
import { defaultSignInExperience } from "@/lib/settings/schema";
import { startSecondInstance, type Instance } from "./second-instance";

/** Two app instances sharing one database: this test process and a child process (./second-instance.ts). */
type Engine = { issueCode: typeof issueCode; verifyCode: typeof verifyCode; take: typeof take };
const local: Engine = { issueCode, verifyCode, take };
let instance: Instance;
// Dates cross IPC as strings; the engine takes `now` only in unit tests, so none is passed.
const remote: Engine = {
  issueCode: (input, limits) => instance.call("issueCode", input, limits),
  verifyCode: (input, limits) => instance.call("verifyCode", input, limits),
  take: (bucket, limit, windowMs) => instance.call("take", bucket, limit, windowMs),
};

beforeAll(async () => {
  instance = await startSecondInstance();
}, 60_000);

afterAll(() => instance?.stop());

const pick = (i: number) => (i % 2 ? local : remote);

const limits = defaultSignInExperience.otp;
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

describe("OTP under concurrency (two app instances, one database)", () => {
  it("50 concurrent verifies of one code: exactly one wins", async () => {
    const who = { email: `race-${unique()}@example.test`, flowId: "flow-race", ip: "10.2.0.1" };
    const issued = await remote.issueCode({ purpose: "SignIn", ...who }, limits);
    if (!issued.ok) throw new Error("issue refused");
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        pick(i).verifyCode({ purpose: "SignIn", ...who, ip: `10.3.${i}.1`, code: issued.code }, limits),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.every((r) => r.ok || r.reason === "dead")).toBe(true);
  });

  it("concurrent wrong guesses never get more than 5 comparisons", async () => {
    const who = { email: `guess-${unique()}@example.test`, flowId: "flow-guess", ip: "10.4.0.1" };
    const issued = await remote.issueCode({ purpose: "SignIn", ...who }, limits);
    if (!issued.ok) throw new Error("issue refused");
    const guesses = Array.from({ length: 40 }, (_, i) => String(i).padStart(6, "0")).filter((g) => g !== issued.code);
    const results = await Promise.all(
      guesses.map((code, i) => pick(i).verifyCode({ purpose: "SignIn", ...who, code, ip: `10.5.${i}.1` }, limits)),
    );
    expect(results.filter((r) => !r.ok && r.reason === "wrong")).toHaveLength(5);
    const row = await db.verificationCode.findUniqueOrThrow({ where: { purpose_email: { purpose: "SignIn", email: who.email } } });
    expect(row.attempts).toBe(5);
    expect(await local.verifyCode({ purpose: "SignIn", ...who, code: issued.code }, limits)).toEqual({ ok: false, reason: "dead" });
  });

  it("the resend cooldown holds across instances: 20 concurrent sends, one code", async () => {
    const who = { email: `cooldown-${unique()}@example.test`, flowId: "flow-cd" };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => pick(i).issueCode({ purpose: "SignIn", ...who, ip: `10.6.${i}.1` }, limits)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // The losers are refused by the cooldown, or by the per-address cap their
    // attempts count against; either way no second code exists.
    expect(results.every((r) => r.ok || r.reason === "cooldown" || r.reason === "rate_limited")).toBe(true);
  });

  it("the per-IP send cap holds across instances", async () => {
    const ip = `10.7.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const tight = { ...limits, maxSendsPerIpPerHour: 7 };
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        pick(i).issueCode({ purpose: "SignIn", email: `ipcap-${i}-${unique()}@example.test`, flowId: `f${i}`, ip }, tight),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(7);
  });

  it("a failure limit's take-before-check holds across instances: 60 concurrent takes, limit 10", async () => {
    const bucket = `password-fail:race-${unique()}@example.test`;
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => pick(i).take(bucket, 10, 15 * MINUTE)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });
});
