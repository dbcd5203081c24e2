import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { claimDue, LEASE_MS } from "./lease";
import { attempt, enqueue } from "./outbox";
import { startOutboxTestServer, type OutboxTestServer } from "./outbox-test-server";
import { sendEmail } from "./send-email";
import { runOutboxOnce, startOutboxWorker } from "./worker";

/**
 * The outbox when the provider is slow or leaves the outcome unknown, against
 * a real SMTP server on loopback (the saved connector): one Message-ID across
 * attempts, the inline deadline, the lease heartbeat, a worker that sends
 * each message on its own.
 */
let server: OutboxTestServer;

beforeAll(async () => {
  server = await startOutboxTestServer();
});

afterAll(() => server.close());

beforeEach(() => {
  Object.assign(server.faults, { failData: 0, dropData: 0, slowMs: 0 });
});

const row = (id: string) => db.emailMessage.findUniqueOrThrow({ where: { id } });
const makeDue = (id: string) => db.emailMessage.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
let n = 0;
const address = (prefix: string) => `${prefix}-${++n}@outbox.test`;
const notice = (recipient: string) => ({ purpose: "NoAccountNotice", recipient, locale: "en", subject: "s", body: { senderName: "T", html: "x", text: "x" } });
const messageIds = (to: string) => server.messageIds(to);
async function until(check: () => Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await sleep(50);
  }
}

describe("one Message-ID per message; an unknown outcome is not a refusal", () => {
  it("handed over without an answer: retried once, a backoff step later, with the same Message-ID, then given up", async () => {
    const to = address("unknown");
    const policy = { maxAttempts: 5, baseSeconds: 60 };
    server.faults.dropData = 10;
    const { id, leaseToken } = await enqueue(notice(to), { connector: "smtp", policy });
    expect(await attempt(id, leaseToken!, { policy })).toMatchObject({ status: "failed", errorCode: "unknown_outcome" });
    const first = await row(id);
    expect(first.providerMessageId).toBe(`<${id}@outbox.test>`);
    // A refusal's first retry waits 45–75 s; this one a step more (90–150 s): the server may still be delivering it.
    expect(first.nextAttemptAt!.getTime() - Date.now()).toBeGreaterThan(85_000);
    await makeDue(id);
    await runOutboxOnce({ policy });
    expect(await row(id)).toMatchObject({ status: "dead", errorCode: "unknown_outcome", attempts: 2 });
    expect(messageIds(to)).toEqual([`<${id}@outbox.test>`, `<${id}@outbox.test>`]);
  });

  it("after an unknown outcome, a refused attempt keeps it retrying (it was not handed over again)", async () => {
    const to = address("unknown-then-refused");
    const policy = { maxAttempts: 5, baseSeconds: 60 };
    const { id, leaseToken } = await enqueue(notice(to), { connector: "smtp", policy });
    server.faults.dropData = 1;
    await attempt(id, leaseToken!, { policy });
    server.faults.failData = 1;
    await makeDue(id);
    await runOutboxOnce({ policy });
    expect(await row(id)).toMatchObject({ status: "failed", errorCode: "transient", errorMessage: expect.stringContaining("may have been delivered") });
    await makeDue(id);
    await runOutboxOnce({ policy });
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 3, providerMessageId: `<${id}@outbox.test>` });
    expect(messageIds(to)).toEqual([`<${id}@outbox.test>`, `<${id}@outbox.test>`]);
  });
});

describe("a slow provider does not hold the request", () => {
  it("the inline attempt waits a few seconds, then answers 'on its way'; the attempt carries on and is recorded", async () => {
    const to = address("slow");
    server.faults.slowMs = 5500;
    const started = Date.now();
    const result = await sendEmail({ kind: "SignIn", to, locale: "en", vars: { code: "424242", ttlMinutes: 10 } });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result).toMatchObject({ ok: false, retrying: true, errorCode: "in_flight" });
    expect((await row(result.messageId)).status).toBe("sending");
    await until(async () => (await row(result.messageId)).status === "sent", 5000);
    expect(messageIds(to)).toEqual([`<${result.messageId}@outbox.test>`]);
  });
});

describe("lease heartbeat", () => {
  it("a send longer than its lease keeps the lease: no other worker takes the message, it goes out once", async () => {
    const to = address("slow-lease");
    server.faults.slowMs = 2000;
    const leaseMs = 600;
    const { id, leaseToken } = await enqueue(notice(to), { connector: "smtp", leaseMs });
    const sending = attempt(id, leaseToken!, { leaseMs });
    let stolen = false;
    let done = false;
    void sending.finally(() => (done = true));
    while (!done) {
      if ((await claimDue(50, { leaseMs })).some((c) => c.id === id)) stolen = true;
      await sleep(150);
    }
    expect(stolen).toBe(false);
    expect(await sending).toMatchObject({ status: "sent" });
    expect(messageIds(to)).toHaveLength(1);
  });

  it("an abandoned lease is short: its message is claimable within seconds", async () => {
    expect(LEASE_MS).toBeLessThanOrEqual(30_000);
    const { id } = await enqueue(notice(address("crashed")), { connector: "smtp" });
    expect((await row(id)).leaseUntil!.getTime() - Date.now()).toBeLessThanOrEqual(LEASE_MS);
    expect((await claimDue(50, { now: new Date(Date.now() + LEASE_MS + 1) })).some((c) => c.id === id)).toBe(true);
  });
});

describe("the worker", () => {
  it("sends each message on its own: one hung session does not hold back messages that fall due meanwhile", async () => {
    const worker = startOutboxWorker({ pollMs: 50, concurrency: 5 });
    try {
      server.faults.slowMs = 3000;
      const { id: slowId } = await enqueue(notice(address("slow-worker")), { connector: "smtp", leased: false });
      await until(async () => (await row(slowId)).status === "sending", 2000);
      const others = await Promise.all(Array.from({ length: 5 }, () => enqueue(notice(address("worker")), { connector: "smtp", leased: false })));
      await until(async () => (await db.emailMessage.count({ where: { id: { in: others.map((o) => o.id) }, status: "sent" } })) === 5, 2000);
      expect((await row(slowId)).status).toBe("sending");
    } finally {
      await worker.stop();
    }
  });

  it("wakes for a retry scheduled in its process (a request's failed first attempt) instead of waiting for the next poll", async () => {
    const policy = { maxAttempts: 3, baseSeconds: 0.2 };
    const worker = startOutboxWorker({ pollMs: 10_000, policy });
    try {
      await sleep(100); // its first look found nothing: it sleeps for 10 s now
      server.faults.failData = 1;
      const { id, leaseToken } = await enqueue(notice(address("wake")), { connector: "smtp", policy });
      expect(await attempt(id, leaseToken!, { policy })).toMatchObject({ status: "failed" });
      await until(async () => (await row(id)).status === "sent", 3000);
    } finally {
      await worker.stop();
    }
  });
});
