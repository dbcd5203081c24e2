import { fork, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { forgetActiveConnector } from "@/lib/connectors/active";
import { saveConnector } from "@/lib/connectors/store";
import { enqueue } from "@/lib/mail/outbox";

/**
 * 500 emails through the HTTP connector to a receiver that fails about 30 %
 * of attempts (503, a hang past the 1 s timeout, a dropped connection before
 * or after it processed the message), with two worker processes on the same
 * database (this run's SQLite file, or PostgreSQL under .ci/run). Every
 * message must end `sent`, under one idempotency key for all its attempts
 * (the receiver dedupes on it, as a real provider does). An answer can
 * arrive after the connector's timeout on a loaded machine: then the outbox
 * counts that attempt failed and the retry is acknowledged again, so a key
 * may be acknowledged more than once, but never more often than the
 * message's recorded attempts.
 */
const MESSAGES = 500;

// Deterministic faults: a small PRNG, so a failing run can be replayed.
let seed = 0x2f6b1d;
const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);

const acknowledged = new Map<string, number>();
const processed = new Set<string>();
const faults = { status503: 0, hang: 0, dropBefore: 0, dropAfter: 0, ok: 0 };
let receiver: Server;
let endpoint = "";
const workers: ChildProcess[] = [];

beforeAll(async () => {
  receiver = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const key = String(req.headers["idempotency-key"] ?? "");
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { to: string };
    if (!key || !body.to) {
      res.writeHead(400).end();
      return;
    }
    const roll = random();
    if (roll < 0.1) {
      faults.status503 += 1;
      res.writeHead(503, { "content-type": "application/json" }).end('{"error":"overloaded"}');
      return;
    }
    if (roll < 0.17) {
      faults.hang += 1; // never answered: the connector's 1 s timeout fires
      return;
    }
    if (roll < 0.24) {
      faults.dropBefore += 1;
      req.socket.destroy();
      return;
    }
    // From here the receiver has the message; it dedupes on Idempotency-Key like a real one should.
    processed.add(key);
    if (roll < 0.3) {
      faults.dropAfter += 1; // processed, but the answer is lost: the client must retry, and we must not double-deliver
      req.socket.destroy();
      return;
    }
    faults.ok += 1;
    acknowledged.set(key, (acknowledged.get(key) ?? 0) + 1);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: `rcv-${key}` }));
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  const saved = await saveConnector(
    {
      connectorId: "http",
      values: { endpoint, signingSecret: "fault-test-signing-secret-0123456789", allowPrivateTargets: "on", timeoutMs: "1000" },
      fromAddress: "no-reply@faults.test",
      fromName: "Faults",
    },
    "test",
  );
  expect(saved.ok).toBe(true);
});

afterAll(async () => {
  for (const worker of workers) worker.kill();
  // The files after this one (same database on PostgreSQL) send through the environment's connector again.
  await db.emailConnector.deleteMany({});
  forgetActiveConnector();
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

function startWorker(): Promise<ChildProcess> {
  const child = fork(fileURLToPath(new URL("./outbox-worker.ts", import.meta.url)), {
    execArgv: ["--import", "tsx", "--conditions=react-server"],
    env: { ...process.env, TEST_WORKER_MAX_ATTEMPTS: "12", TEST_WORKER_BASE_SECONDS: "0.05" },
    stdio: ["ignore", "ignore", "ignore", "ipc"],
  });
  workers.push(child);
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

describe("outbox under provider faults, two workers", () => {
  it(`${MESSAGES} messages with ~30 % failed attempts: every one sent under one idempotency key, never acknowledged more often than attempted`, async () => {
    const ids: string[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const { id } = await enqueue(
        {
          purpose: "NoAccountNotice",
          recipient: `fault-${i}@faults.test`,
          locale: "en",
          subject: `Message ${i}`,
          body: { senderName: "Faults", html: `<p>${i}</p>`, text: String(i), context: { type: "NoAccountNotice", locale: "en", variables: {} } },
        },
        { connector: "http", leased: false, policy: { maxAttempts: 12, baseSeconds: 0.05 } },
      );
      ids.push(id);
    }
    await Promise.all([startWorker(), startWorker()]);

    const deadline = Date.now() + 150_000;
    let pending = MESSAGES;
    while (Date.now() < deadline) {
      pending = await db.emailMessage.count({ where: { id: { in: ids }, status: { notIn: ["sent", "dead"] } } });
      if (pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(pending).toBe(0);

    const rows = await db.emailMessage.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, attempts: true, providerMessageId: true, idempotencyKey: true } });
    expect(rows).toHaveLength(MESSAGES);
    expect(rows.filter((r) => r.status !== "sent")).toEqual([]);
    for (const row of rows) expect(row.providerMessageId).toBe(`rcv-${row.idempotencyKey}`);
    // One key per message, each acknowledged, no stranger keys; a second
    // acknowledgement only where an earlier attempt was counted as failed.
    expect(acknowledged.size).toBe(MESSAGES);
    expect(new Set(rows.map((r) => r.idempotencyKey))).toEqual(new Set(acknowledged.keys()));
    const overAcknowledged = rows.filter((r) => (acknowledged.get(r.idempotencyKey) ?? 0) > r.attempts);
    expect(overAcknowledged).toEqual([]);
    const lateAnswers = [...acknowledged.values()].filter((n) => n > 1).length;

    const attempts = rows.reduce((sum, r) => sum + r.attempts, 0);
    const failedAttempts = faults.status503 + faults.hang + faults.dropBefore + faults.dropAfter;
    // The faults really happened, at about the intended rate.
    expect(failedAttempts / (failedAttempts + faults.ok)).toBeGreaterThan(0.2);
    expect(attempts).toBeGreaterThanOrEqual(MESSAGES + failedAttempts - faults.hang);
    console.log(`outbox faults: ${MESSAGES} messages, ${attempts} attempts recorded; receiver saw ${JSON.stringify(faults)}; ${lateAnswers} answered after the timeout and again on retry`);
  }, 180_000);
});
