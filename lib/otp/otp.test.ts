import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { defaultSignInExperience } from "@/lib/settings/schema";
import { cleanCodeInput } from "./code-hash";
import { issueCode, resendAvailableIn } from "./issue-code";
import { verifyCode } from "./verify-code";

const limits = defaultSignInExperience.otp;
let n = 0;
const fresh = () => {
  n += 1;
  return { email: `user${n}-${Date.now()}@example.test`, flowId: `flow-${n}`, ip: `10.0.0.${n}` };
};

async function issued(purpose: "SignIn" | "Register" = "SignIn", who = fresh(), now = new Date()) {
  const r = await issueCode({ purpose, ...who }, limits, { now });
  if (!r.ok) throw new Error(`issue failed: ${r.reason}`);
  return { ...who, code: r.code, purpose };
}
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("issueCode", () => {
  it("makes a 6-digit code and stores only its HMAC", async () => {
    const c = await issued();
    expect(c.code).toMatch(/^\d{6}$/);
    const row = await db.verificationCode.findUniqueOrThrow({ where: { purpose_email: { purpose: "SignIn", email: c.email } } });
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.codeHash).not.toContain(c.code);
    expect(row.expiresAt.getTime() - row.sentAt.getTime()).toBe(10 * 60 * 1000);
  });

  it("refuses a resend inside the 60 s cooldown and allows it after", async () => {
    const who = fresh();
    const t0 = new Date();
    await issued("SignIn", who, t0);
    const again = await issueCode({ purpose: "SignIn", ...who }, limits, { now: new Date(t0.getTime() + 30_000) });
    expect(again).toMatchObject({ ok: false, reason: "cooldown", retryAfterSeconds: 30 });
    expect(await resendAvailableIn("SignIn", who.email, limits, new Date(t0.getTime() + 45_000))).toBe(15);
    const later = await issueCode({ purpose: "SignIn", ...who }, limits, { now: new Date(t0.getTime() + 61_000) });
    expect(later.ok).toBe(true);
  });

  it("a new code replaces the old one", async () => {
    const who = fresh();
    const t0 = new Date();
    const first = await issued("SignIn", who, t0);
    const second = await issueCode({ purpose: "SignIn", ...who }, limits, { now: new Date(t0.getTime() + 61_000) });
    if (!second.ok) throw new Error("second issue refused");
    const now = new Date(t0.getTime() + 62_000);
    if (first.code !== second.code) {
      expect(await verifyCode({ purpose: "SignIn", ...who, code: first.code }, limits, now)).toMatchObject({ ok: false, reason: "wrong" });
    }
    expect(await verifyCode({ purpose: "SignIn", ...who, code: second.code }, limits, now)).toEqual({ ok: true });
  });

  it("caps sends per address per hour at 10", async () => {
    const who = fresh();
    const t0 = Date.now();
    let accepted = 0;
    for (let i = 0; i < 12; i++) {
      const r = await issueCode({ purpose: "SignIn", ...who, ip: `10.1.${i}.1` }, limits, { now: new Date(t0 + i * 61_000) });
      if (r.ok) accepted++;
      else expect(r.reason).toBe("rate_limited");
    }
    expect(accepted).toBe(10);
  });

  it("caps sends per IP", async () => {
    const ip = `10.9.9.${Date.now() % 250}`;
    const tight = { ...limits, maxSendsPerIpPerHour: 3 };
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await issueCode({ purpose: "SignIn", ...fresh(), ip }, tight));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results[4]).toMatchObject({ ok: false, reason: "rate_limited" });
  });
});

describe("verifyCode", () => {
  it("accepts the right code once (single use)", async () => {
    const c = await issued();
    expect(await verifyCode({ ...c, purpose: "SignIn" }, limits)).toEqual({ ok: true });
    expect(await verifyCode({ ...c, purpose: "SignIn" }, limits)).toEqual({ ok: false, reason: "dead" });
  });

  it.each([
    ["through Prisma", (work: () => Promise<void>) => async () => work()],
    ["direct", (work: () => Promise<void>) => ({ direct: async () => work() })],
  ] as const)("runs onConsumed (%s) in the consuming commit: if it throws, the code stays usable; concurrent verifies consume once", async (_, kind) => {
    const c = await issued();
    const failing = kind(async () => {
      throw new Error("the account could not be written");
    });
    await expect(verifyCode({ ...c, purpose: "SignIn" }, limits, new Date(), failing)).rejects.toThrow("the account could not be written");
    let ran = 0;
    const counting = kind(async () => {
      ran += 1;
    });
    const results = await Promise.all(Array.from({ length: 5 }, () => verifyCode({ ...c, purpose: "SignIn" }, limits, new Date(), counting)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(ran).toBe(1);
    expect(results.filter((r) => !r.ok)).toEqual(Array(4).fill({ ok: false, reason: "dead" }));
  });

  it("accepts pasted formats", async () => {
    expect(cleanCodeInput(" 123 456 ")).toBe("123456");
    expect(cleanCodeInput("123-456")).toBe("123456");
    expect(cleanCodeInput("１２３４５６")).toBe("123456");
    expect(cleanCodeInput("12345")).toBeNull();
    const c = await issued();
    expect(await verifyCode({ ...c, purpose: "SignIn", code: `${c.code.slice(0, 3)} ${c.code.slice(3)}` }, limits)).toEqual({ ok: true });
  });

  it("expires after 10 minutes", async () => {
    const t0 = new Date();
    const c = await issued("SignIn", fresh(), t0);
    const late = new Date(t0.getTime() + 10 * 60 * 1000 + 1);
    expect(await verifyCode({ ...c, purpose: "SignIn" }, limits, late)).toEqual({ ok: false, reason: "expired" });
  });

  it("counts down tries and kills the code after 5 wrong ones, even for the right code", async () => {
    const c = await issued();
    const left: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await verifyCode({ ...c, purpose: "SignIn", code: wrongCode(c.code) }, limits);
      if (r.ok || r.reason !== "wrong") throw new Error(`unexpected ${JSON.stringify(r)}`);
      left.push(r.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect(await verifyCode({ ...c, purpose: "SignIn" }, limits)).toEqual({ ok: false, reason: "dead" });
  });

  it("is bound to the purpose", async () => {
    const c = await issued("Register");
    expect(await verifyCode({ ...c, purpose: "SignIn" }, limits)).toEqual({ ok: false, reason: "dead" });
    expect(await verifyCode({ ...c, purpose: "Register" }, limits)).toEqual({ ok: true });
  });

  it("is bound to the flow: another flow cannot use (or burn) the code", async () => {
    const c = await issued();
    expect(await verifyCode({ ...c, purpose: "SignIn", flowId: "someone-else" }, limits)).toEqual({ ok: false, reason: "dead" });
    expect(await verifyCode({ ...c, purpose: "SignIn" }, limits)).toEqual({ ok: true });
  });

  it("rejects malformed input without taking a try", async () => {
    const c = await issued();
    expect(await verifyCode({ ...c, purpose: "SignIn", code: "12ab" }, limits)).toEqual({ ok: false, reason: "malformed" });
    const row = await db.verificationCode.findUniqueOrThrow({ where: { purpose_email: { purpose: "SignIn", email: c.email } } });
    expect(row.attempts).toBe(0);
  });

  it("locks the address after 20 consecutive wrong codes, across resends", async () => {
    const who = fresh();
    const t0 = Date.now();
    let lockStarted = 0;
    let last: Awaited<ReturnType<typeof verifyCode>> | undefined;
    for (let round = 0; round < 4; round++) {
      const at = new Date(t0 + round * 61_000);
      const c = await issued("SignIn", who, at);
      for (let i = 0; i < 5; i++) {
        last = await verifyCode({ ...c, purpose: "SignIn", code: wrongCode(c.code) }, limits, at);
        if (!last.ok && last.reason === "wrong" && last.lockStarted) lockStarted++;
      }
    }
    expect(lockStarted).toBe(1);
    const at = new Date(t0 + 4 * 61_000);
    expect(await issueCode({ purpose: "SignIn", ...who }, limits, { now: at })).toMatchObject({ ok: false, reason: "locked" });
    const after = new Date(t0 + 4 * 61_000 + 16 * 60_000);
    const c = await issued("SignIn", who, after);
    expect(await verifyCode({ ...c, purpose: "SignIn" }, limits, after)).toEqual({ ok: true });
  });
});
