import { describe, expect, it, vi } from "vitest";
import type * as IssueModule from "@/lib/otp/issue-code";
import type * as VerifyModule from "@/lib/otp/verify-code";
import type * as DbModule from "@/lib/db";
import { defaultSignInExperience } from "@/lib/settings/schema";

/**
 * Two independent copies of the OTP engine, each with its own database
 * client and connection pool, stand in for two app instances sharing one
 * database (the SQLite file or the PostgreSQL database of this run).
 */
type Instance = { issueCode: typeof IssueModule.issueCode; verifyCode: typeof VerifyModule.verifyCode; db: typeof DbModule.db };

async function loadInstance(): Promise<Instance> {
  vi.resetModules();
  (globalThis as { mailgateDb?: unknown }).mailgateDb = undefined;
  const [{ issueCode }, { verifyCode }, { db }] = await Promise.all([
    import("@/lib/otp/issue-code"),
    import("@/lib/otp/verify-code"),
    import("@/lib/db"),
  ]);
  return { issueCode, verifyCode, db };
}

const limits = defaultSignInExperience.otp;
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

describe("OTP under concurrency (two app instances, one database)", () => {
  it("50 concurrent verifies of one code: exactly one wins", async () => {
    const a = await loadInstance();
    const b = await loadInstance();
    expect(a.db).not.toBe(b.db);
    const who = { email: `race-${unique()}@example.test`, flowId: "flow-race", ip: "10.2.0.1" };
    const issued = await a.issueCode({ purpose: "SignIn", ...who }, limits);
    if (!issued.ok) throw new Error("issue refused");
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? a : b).verifyCode({ purpose: "SignIn", ...who, ip: `10.3.${i}.1`, code: issued.code }, limits),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.every((r) => r.ok || r.reason === "dead")).toBe(true);
  });

  it("concurrent wrong guesses never get more than 5 comparisons", async () => {
    const a = await loadInstance();
    const b = await loadInstance();
    const who = { email: `guess-${unique()}@example.test`, flowId: "flow-guess", ip: "10.4.0.1" };
    const issued = await a.issueCode({ purpose: "SignIn", ...who }, limits);
    if (!issued.ok) throw new Error("issue refused");
    const guesses = Array.from({ length: 40 }, (_, i) => String(i).padStart(6, "0")).filter((g) => g !== issued.code);
    const results = await Promise.all(
      guesses.map((code, i) => (i % 2 ? a : b).verifyCode({ purpose: "SignIn", ...who, code, ip: `10.5.${i}.1` }, limits)),
    );
    expect(results.filter((r) => !r.ok && r.reason === "wrong")).toHaveLength(5);
    const row = await a.db.verificationCode.findUniqueOrThrow({ where: { purpose_email: { purpose: "SignIn", email: who.email } } });
    expect(row.attempts).toBe(5);
    expect(await b.verifyCode({ purpose: "SignIn", ...who, code: issued.code }, limits)).toEqual({ ok: false, reason: "dead" });
  });

  it("the resend cooldown holds across instances: 20 concurrent sends, one code", async () => {
    const a = await loadInstance();
    const b = await loadInstance();
    const who = { email: `cooldown-${unique()}@example.test`, flowId: "flow-cd" };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).issueCode({ purpose: "SignIn", ...who, ip: `10.6.${i}.1` }, limits)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "cooldown")).toHaveLength(19);
  });

  it("the per-IP send cap holds across instances", async () => {
    const a = await loadInstance();
    const b = await loadInstance();
    const ip = `10.7.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const tight = { ...limits, maxSendsPerIpPerHour: 7 };
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? a : b).issueCode({ purpose: "SignIn", email: `ipcap-${i}-${unique()}@example.test`, flowId: `f${i}`, ip }, tight),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(7);
  });
});
