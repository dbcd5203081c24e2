// A measurement, not part of `npm run bench`: the code request and the email
// it sends against a slow or flaky SMTP server on loopback, with the outbox
// worker running in the same process, as `npm start` runs it.
//   node --import tsx scripts/bench/slow-provider.ts slow|flaky
// slow: the server takes the whole message, then answers the end of DATA after 20 s.
// flaky: 30 % of sessions go wrong (10 % refused at the greeting, 10 % hang at
// RCPT or after DATA, 10 % dropped mid-DATA); retries 1, 2, 4, 8 s apart.
import { randomBytes } from "node:crypto";
import { register } from "node:module";
import type { AddressInfo, Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { prepareDatabase } from "./app";

// lib/ imports `server-only` (empty where it belongs, on the server) and renders with react-dom/server,
// which the react-server condition refuses: so resolve just that one import to an empty module.
register(`data:text/javascript,${encodeURIComponent('export const resolve = (s, c, next) => s === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(s, c);')}`);

const mode = process.argv[2] === "flaky" ? "flaky" : "slow";
const DB_FILE = `.data/slow-provider-${randomBytes(3).toString("hex")}.db`;
const arrivals: { to: string; messageId: string; at: number }[] = [];
let seed = 0x5eed;
const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
type Fault = "ok" | "refuse" | "hang-rcpt" | "hang-data" | "drop";
const faultOf = new WeakMap<object, Fault>();
const pick = (): Fault => {
  if (mode === "slow") return "ok";
  const r = random();
  return r < 0.1 ? "refuse" : r < 0.15 ? "hang-rcpt" : r < 0.2 ? "hang-data" : r < 0.3 ? "drop" : "ok";
};

const server = new SMTPServer({
  logger: false,
  disabledCommands: ["STARTTLS", "AUTH"],
  authOptional: true,
  onConnect(session, cb) {
    const fault = pick();
    faultOf.set(session, fault);
    if (fault === "refuse") return cb(Object.assign(new Error("4.3.2 Try again later"), { responseCode: 421 }));
    cb();
  },
  onRcptTo(_address, session, cb) {
    if (faultOf.get(session) !== "hang-rcpt") cb();
  },
  onData(stream, session, cb) {
    const fault = faultOf.get(session);
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => {
      chunks.push(c);
      if (fault === "drop") sockets.get(session.remotePort)?.destroy();
    });
    stream.on("end", async () => {
      if (fault === "drop") return;
      if (fault === "hang-data") return; // never answered: the server did not take it
      const parsed = await simpleParser(Buffer.concat(chunks));
      arrivals.push({ to: session.envelope.rcptTo[0]!.address, messageId: parsed.messageId ?? "?", at: Date.now() });
      if (mode === "slow") await sleep(20_000);
      cb();
    });
  },
});
server.on("error", () => undefined);
// To drop a session mid-DATA: smtp-server does not hand out its sockets, so they are found by client port.
const sockets = new Map<number, Socket>();
server.server.on("connection", (socket: Socket) => {
  sockets.set(socket.remotePort!, socket);
  socket.on("close", () => sockets.delete(socket.remotePort!));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

Object.assign(process.env, {
  DATABASE_URL: `file:./${DB_FILE}`,
  AUTH_SECRET: "slow-provider-measurement-secret-0123456789",
  EMAIL_CONNECTOR: "smtp",
  SMTP_HOST: "127.0.0.1",
  SMTP_PORT: String((server.server.address() as AddressInfo).port),
  EMAIL_FROM: "Mailgate <no-reply@mailgate.test>",
  OUTBOX_RETRY_BASE_SECONDS: "1",
  OUTBOX_MAX_ATTEMPTS: "5",
  OUTBOX_POLL_SECONDS: "1",
});
prepareDatabase(DB_FILE);
const { db } = await import("@/lib/db");
const { startCodeFlow } = await import("@/lib/auth/flow-code");
const { startOutboxWorker } = await import("@/lib/mail/worker");
const { defaultSignInExperience } = await import("@/lib/settings/schema");
const limits = { ...defaultSignInExperience.otp, maxSendsPerIpPerHour: 100_000 };

const worker = startOutboxWorker({ pollMs: 1000 });
const REQUESTS = mode === "slow" ? 1 : 200;
const CONCURRENCY = mode === "slow" ? 1 : 10;
const requests: { to: string; startedAt: number; ms: number; ok: boolean }[] = [];
let next = 0;
const lane = async () => {
  while (next < REQUESTS) {
    const to = `user-${next++}@mailgate.test`;
    await db.user.create({ data: { id: randomBytes(8).toString("hex"), email: to } });
    const startedAt = Date.now();
    const result = await startCodeFlow("sign-in", to, { ip: "127.0.0.1", userAgent: null, acceptLanguage: null }, limits);
    requests.push({ to, startedAt, ms: Date.now() - startedAt, ok: result.ok });
  }
};
await Promise.all(Array.from({ length: CONCURRENCY }, lane));

// Wait until every email is sent or given up.
const deadline = Date.now() + 10 * 60_000;
while (Date.now() < deadline && (await db.emailMessage.count({ where: { status: { in: ["queued", "sending", "failed"] } } })) > 0) await sleep(500);
const rows = await db.emailMessage.findMany({ select: { recipient: true, status: true, attempts: true, errorCode: true } });
await worker.stop();

const q = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
};
const latencies = requests.map((r) => r.ms);
console.log(`${mode}: ${REQUESTS} code requests; request ms p50 ${q(latencies, 50)} p99 ${q(latencies, 99)} max ${Math.max(...latencies)}; ${requests.filter((r) => !r.ok).length} answered with an error`);
const byTo = new Map<string, typeof arrivals>();
for (const a of arrivals) byTo.set(a.to, [...(byTo.get(a.to) ?? []), a]);
const deliveries = [...byTo.values()];
const ids = new Set(arrivals.map((a) => a.messageId));
console.log(`emails arrived ${arrivals.length} times for ${byTo.size} addresses with ${ids.size} distinct Message-IDs; ${deliveries.filter((d) => d.length > 1).length} addresses got more than one`);
const retried = rows.filter((r) => r.attempts > 1 && r.status === "sent").map((r) => r.recipient);
const delays = retried.map((to) => byTo.get(to)![0]!.at - requests.find((r) => r.to === to)!.startedAt);
if (retried.length) console.log(`retried and sent: ${retried.length}; first arrival after request s p50 ${(q(delays, 50) / 1000).toFixed(1)} max ${(Math.max(...delays) / 1000).toFixed(1)}`);
const outcome: Record<string, number> = {};
for (const r of rows) outcome[`${r.status}${r.errorCode && r.status !== "sent" ? `:${r.errorCode}` : ""}`] = (outcome[`${r.status}${r.errorCode && r.status !== "sent" ? `:${r.errorCode}` : ""}`] ?? 0) + 1;
console.log(`outbox rows: ${JSON.stringify(outcome)}; attempts ${rows.map((r) => r.attempts).reduce((a, b) => a + b, 0)}`);
server.close(() => process.exit(0));
