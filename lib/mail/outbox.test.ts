import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { claimDue } from "./lease";
import { attempt, enqueue, requeue } from "./outbox";
import { startOutboxTestServer, type OutboxTestServer } from "./outbox-test-server";
import { retryDelayMs } from "./retry-policy";
import { sendEmail } from "./send-email";
import { runOutboxOnce } from "./worker";

/** The outbox against a real SMTP server on loopback, configured as the saved (console) connector. */
let server: OutboxTestServer;
const received = () => server.received;

beforeAll(async () => {
  server = await startOutboxTestServer();
});

afterAll(() => server.close());

beforeEach(() => {
  Object.assign(server.faults, { failData: 0, dropData: 0, slowMs: 0 });
});

const policy = { maxAttempts: 3, baseSeconds: 60 };
const row = (id: string) => db.emailMessage.findUniqueOrThrow({ where: { id } });
const makeDue = (id: string) => db.emailMessage.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
let n = 0;
const address = (prefix: string) => `${prefix}-${++n}@outbox.test`;

describe("sendEmail through the outbox", () => {
  it("persists, sends inline, marks sent once and drops the body", async () => {
    const to = address("ok");
    const result = await sendEmail({ kind: "SignIn", to, locale: "en", vars: { code: "123456", ttlMinutes: 10 } });
    expect(result.ok).toBe(true);
    const stored = await row(result.messageId);
    expect(stored).toMatchObject({ status: "sent", attempts: 1, connector: "smtp", body: null, recipient: to, purpose: "SignIn", leaseToken: null });
    expect(stored.providerMessageId).toMatch(/@/);
    expect(stored.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
    // The code is in the email's subject, but never in the stored one.
    expect(stored.subject).not.toContain("123456");
    expect(stored.subject).toContain("••••••");
    const mail = received().filter((r) => r.rcpt === to);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.parsed.text).toContain("123456");
    expect(mail[0]!.parsed.subject).toContain("123456");
    expect(mail[0]!.parsed.from?.text).toBe('"Outbox Test" <no-reply@outbox.test>');
  });

  it("a temporary failure is kept for retry (code stays deliverable) and the worker sends it when due", async () => {
    const to = address("retry");
    server.faults.failData = 1;
    const result = await sendEmail({ kind: "SignIn", to, locale: "en", vars: { code: "222333", ttlMinutes: 10 } });
    expect(result).toMatchObject({ ok: false, retrying: true, errorCode: "transient" });
    const failed = await row(result.messageId);
    expect(failed.status).toBe("failed");
    expect(failed.body).not.toBeNull();
    expect(failed.body).not.toContain("222333");
    expect(failed.errorMessage).toContain("451");
    const delay = failed.nextAttemptAt!.getTime() - Date.now();
    expect(delay).toBeGreaterThan(40_000);
    expect(delay).toBeLessThan(80_000);

    expect(await runOutboxOnce()).toBe(0); // not due yet
    await makeDue(result.messageId);
    expect(await runOutboxOnce()).toBe(1);
    expect(await row(result.messageId)).toMatchObject({ status: "sent", attempts: 2, body: null });
    expect(received().filter((r) => r.rcpt === to)).toHaveLength(1);
    expect(await runOutboxOnce()).toBe(0); // nothing left: sent exactly once
  });

  it("a permanent failure (rejected recipient) is dead at once and never retried", async () => {
    const to = `nobody@outbox.test`;
    const result = await sendEmail({ kind: "NoAccountNotice", to, locale: "en" });
    expect(result).toMatchObject({ ok: false, retrying: false, errorCode: "rejected_recipient" });
    const dead = await row(result.messageId);
    expect(dead).toMatchObject({ status: "dead", attempts: 1, nextAttemptAt: null });
    expect(await runOutboxOnce()).toBe(0);
  });

  it("transient failures end dead after maxAttempts", async () => {
    const to = address("exhaust");
    server.faults.failData = 10;
    const { id, leaseToken } = await enqueue(
      { purpose: "NoAccountNotice", recipient: to, locale: "en", subject: "s", body: { senderName: "T", html: "<p>x</p>", text: "x" } },
      { connector: "smtp", policy },
    );
    expect((await attempt(id, leaseToken!, { policy }))?.status).toBe("failed");
    await makeDue(id);
    await runOutboxOnce({ policy });
    expect(await row(id)).toMatchObject({ status: "failed", attempts: 2 });
    await makeDue(id);
    await runOutboxOnce({ policy });
    expect(await row(id)).toMatchObject({ status: "dead", attempts: 3, errorCode: "transient" });
    expect(received().filter((r) => r.rcpt === to)).toHaveLength(0);
  });

  it("a code email past its code's expiry is not sent", async () => {
    const to = address("expired");
    const before = server.connections();
    const { id, leaseToken } = await enqueue(
      { purpose: "SignIn", recipient: to, locale: "en", subject: "s", body: { senderName: "T", html: "x", text: "x" }, expiresAt: new Date(Date.now() - 1) },
      { connector: "smtp" },
    );
    expect(await attempt(id, leaseToken!)).toMatchObject({ status: "dead", errorCode: "expired" });
    expect(server.connections()).toBe(before);
    expect(await requeue(id)).toMatchObject({ ok: false, code: "conflict", formError: expect.stringContaining("expired") });
  });

  it("a newer code email supersedes an undelivered older one for the same purpose and address", async () => {
    const to = address("supersede");
    server.faults.failData = 1;
    const first = await sendEmail({ kind: "SignIn", to, locale: "en", vars: { code: "111111", ttlMinutes: 10 } });
    expect(first).toMatchObject({ ok: false, retrying: true });
    const second = await sendEmail({ kind: "SignIn", to, locale: "en", vars: { code: "999999", ttlMinutes: 10 } });
    expect(second.ok).toBe(true);
    expect(await row(first.messageId)).toMatchObject({ status: "dead", errorCode: "superseded", body: null });
    await makeDue(first.messageId).catch(() => undefined);
    expect(await runOutboxOnce()).toBe(0);
    const mail = received().filter((r) => r.rcpt === to);
    expect(mail.map((m) => m.parsed.text?.includes("999999"))).toEqual([true]);
  });
});

describe("leases", () => {
  it("only the lease holder records an outcome; an expired lease is reclaimed by a worker", async () => {
    const to = address("lease");
    const { id, leaseToken } = await enqueue(
      { purpose: "NoAccountNotice", recipient: to, locale: "en", subject: "s", body: { senderName: "T", html: "x", text: "x" } },
      { connector: "smtp" },
    );
    // The creator "crashed": its lease runs out and a worker takes the message.
    await db.emailMessage.update({ where: { id }, data: { leaseUntil: new Date(Date.now() - 1) } });
    const claimed = await claimDue(50);
    const mine = claimed.find((c) => c.id === id);
    expect(mine).toBeDefined();
    expect(mine!.leaseToken).not.toBe(leaseToken);
    // The old holder comes back: it may not act on the message any more.
    expect(await attempt(id, leaseToken!)).toBeNull();
    expect((await attempt(id, mine!.leaseToken))?.status).toBe("sent");
    expect(received().filter((r) => r.rcpt === to)).toHaveLength(1);
    // A second claim of the same row finds nothing.
    expect((await claimDue(50)).some((c) => c.id === id)).toBe(false);
  });

  it("requeue: refused for sent messages, allowed for dead ones with their content kept", async () => {
    const sent = await sendEmail({ kind: "NoAccountNotice", to: address("rq-sent"), locale: "en" });
    expect(await requeue(sent.messageId)).toMatchObject({ ok: false, code: "conflict", formError: "This message was already sent." });
    const to = address("rq-dead");
    server.faults.failData = 10;
    const { id, leaseToken } = await enqueue(
      { purpose: "NoAccountNotice", recipient: to, locale: "en", subject: "s", body: { senderName: "T", html: "x", text: "x" } },
      { connector: "smtp", policy: { maxAttempts: 1, baseSeconds: 1 } },
    );
    expect(await attempt(id, leaseToken!, { policy: { maxAttempts: 1, baseSeconds: 1 } })).toMatchObject({ status: "dead" });
    server.faults.failData = 0;
    expect(await requeue(id)).toEqual({ ok: true, value: null });
    expect(await runOutboxOnce()).toBe(1);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2 });
  });
});

describe("retry schedule", () => {
  it("doubles from the base with ±25 % jitter; Retry-After is a floor", () => {
    const p = { maxAttempts: 6, baseSeconds: 60 };
    expect(retryDelayMs(1, p, undefined, () => 0.5)).toBe(60_000);
    expect(retryDelayMs(2, p, undefined, () => 0.5)).toBe(120_000);
    expect(retryDelayMs(5, p, undefined, () => 0.5)).toBe(960_000);
    expect(retryDelayMs(1, p, undefined, () => 0)).toBe(45_000);
    expect(retryDelayMs(1, p, undefined, () => 1)).toBe(75_000);
    expect(retryDelayMs(1, p, 300, () => 0.5)).toBe(300_000);
    // The default policy spreads 6 attempts over about half an hour.
    const total = [1, 2, 3, 4, 5].reduce((sum, k) => sum + retryDelayMs(k, p, undefined, () => 0.5), 0);
    expect(total / 60_000).toBe(31);
  });
});
