// The two outbox measurements, run in the child process (they import
// server-only code): the latency the outbox write adds to one send, and how
// fast runOutboxOnce drains a backlog.
import { randomUUID } from "node:crypto";
import type { ActiveConnector } from "@/lib/connectors/active";
import { db } from "@/lib/db";
import { enqueue, type NewMessage } from "@/lib/mail/outbox";
import { deliverInline } from "@/lib/mail/send-email";
import { runOutboxOnce } from "@/lib/mail/worker";
import { percentile, reasonOf } from "./load";
import type { BenchMail, DrainResult, LatencyStats } from "./outbox-types";

const CODE_TTL_MS = 10 * 60_000;

function newMessage(mail: BenchMail, to: string): NewMessage {
  return {
    purpose: "SignIn",
    recipient: to,
    locale: "en",
    subject: mail.subject,
    body: { senderName: mail.senderName, html: mail.html, text: mail.text, context: mail.context },
    expiresAt: new Date(Date.now() + CODE_TTL_MS),
    // As sendEmail does for code emails: one more query in the transaction.
    supersede: true,
  };
}

function sendDirect(connector: ActiveConnector, mail: BenchMail, to: string): Promise<unknown> {
  const from = { name: connector.from.name ?? mail.senderName, address: connector.from.address };
  return connector.send({ to, from, subject: mail.subject, html: mail.html, text: mail.text, context: mail.context, idempotencyKey: randomUUID() });
}

/**
 * sendEmail after rendering: the row (leased to us), then the first attempt
 * and its outcome written back, through the app's own deliverInline. (Its
 * attempt knows the row it just wrote; calling attempt() bare, as this bench
 * did, measured a retry's read-back, suppression look-up and decryption.)
 */
async function sendThroughOutbox(connector: ActiveConnector, mail: BenchMail, to: string): Promise<void> {
  const sent = await deliverInline(await enqueue(newMessage(mail, to), { connector: connector.id }), { connector });
  if (!sent.ok) throw new Error(`${sent.errorCode}: ${sent.errorMessage}`);
}

type Path = { run: (to: string) => Promise<unknown>; samples: number[]; errorsByReason: Record<string, number>; delivered: number };

async function timeOnce(path: Path, to: string, record: boolean): Promise<void> {
  const start = performance.now();
  try {
    await path.run(to);
    path.delivered += 1;
    if (record) path.samples.push(performance.now() - start);
  } catch (error) {
    const reason = reasonOf(error);
    path.errorsByReason[reason] = (path.errorsByReason[reason] ?? 0) + 1;
  }
}

function stats(path: Path, sends: number): LatencyStats {
  const sorted = [...path.samples].sort((a, b) => a - b);
  const errors = Object.values(path.errorsByReason).reduce((a, b) => a + b, 0);
  return { sends, errors, errorsByReason: path.errorsByReason, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), p99Ms: percentile(sorted, 99) };
}

/** `sends` sequential sends each way after `warmup` unmeasured ones, the two paths interleaved. */
export async function measureLatency(connector: ActiveConnector, mail: BenchMail, sends: number, warmup: number) {
  const direct: Path = { run: (to) => sendDirect(connector, mail, to), samples: [], errorsByReason: {}, delivered: 0 };
  const outbox: Path = { run: (to) => sendThroughOutbox(connector, mail, to), samples: [], errorsByReason: {}, delivered: 0 };
  for (let i = -warmup; i < sends; i += 1) {
    // Alternate which goes first, so drift (GC, the receiver's load) falls on both alike.
    const [first, second] = i % 2 === 0 ? [direct, outbox] : [outbox, direct];
    await timeOnce(first, `latency-${connector.id}-${i + warmup}-a@mailgate.test`, i >= 0);
    await timeOnce(second, `latency-${connector.id}-${i + warmup}-b@mailgate.test`, i >= 0);
  }
  return { direct: stats(direct, sends), outbox: stats(outbox, sends), delivered: direct.delivered + outbox.delivered };
}

type DrainOptions = { connector: string; messages: number; loops: number; batchSize: number; concurrency: number; capMs: number };

/** Queues `messages` (not leased), then runs `loops` runOutboxOnce loops until none is left queued. */
export async function drainOutbox(mail: BenchMail, opts: DrainOptions): Promise<DrainResult & { delivered: number }> {
  const { connector, messages, loops, batchSize, concurrency, capMs } = opts;
  const enqueueStart = performance.now();
  const ids: string[] = [];
  for (let i = 0; i < messages; i += 1) {
    const to = `drain-${connector}-x${loops}-${i}@mailgate.test`;
    ids.push((await enqueue({ ...newMessage(mail, to), supersede: false }, { connector, leased: false })).id);
  }
  const enqueueMs = performance.now() - enqueueStart;

  let rounds = 0;
  let emptyRounds = 0;
  let capped = false;
  const roundErrors: Record<string, number> = {};
  const firstClaimAt = Date.now();
  const cpuBefore = process.cpuUsage();
  const deadline = firstClaimAt + capMs;
  const loop = async () => {
    while (Date.now() < deadline) {
      let claimed = 0;
      try {
        claimed = await runOutboxOnce({ batchSize, concurrency });
      } catch (error) {
        const reason = reasonOf(error);
        roundErrors[reason] = (roundErrors[reason] ?? 0) + 1;
      }
      rounds += 1;
      if (claimed > 0) continue;
      emptyRounds += 1;
      // Racing loops can find each other's candidates taken while rows are still queued: stop only when none are.
      if ((await db.emailMessage.count({ where: { id: { in: ids }, status: "queued" } })) === 0) return;
    }
    capped = true;
  };
  await Promise.all(Array.from({ length: loops }, loop));
  const cpu = process.cpuUsage(cpuBefore);
  const cpuPercent = ((cpu.user + cpu.system) / 1000 / Math.max(1, Date.now() - firstClaimAt)) * 100;

  const rows = await db.emailMessage.findMany({ where: { id: { in: ids } }, select: { status: true, errorCode: true, sentAt: true } });
  const notSent: Record<string, number> = {};
  let sent = 0;
  let lastSentAt = 0;
  for (const row of rows) {
    if (row.status === "sent") {
      sent += 1;
      lastSentAt = Math.max(lastSentAt, row.sentAt?.getTime() ?? 0);
    } else {
      const what = row.errorCode ? `${row.status} (${row.errorCode})` : row.status;
      notSent[what] = (notSent[what] ?? 0) + 1;
    }
  }
  if (rows.length < ids.length) notSent.missing = ids.length - rows.length;
  const drainMs = sent ? lastSentAt - firstClaimAt : null;
  const msgPerSec = drainMs ? sent / (drainMs / 1000) : null;
  return { connector, loops, batchSize, concurrency, messages, sent, notSent, enqueueMs, drainMs, msgPerSec, cpuPercent, rounds, emptyRounds, roundErrors, capped, delivered: sent };
}
