/**
 * SMTP sink for the end-to-end tests: accepts every message on
 * 127.0.0.1:2525, keeps it in memory and serves it back over HTTP on
 * 127.0.0.1:2526 so a test can read the code the app just sent.
 *
 * A second SMTP listener on 127.0.0.1:2527 requires AUTH (PLAIN or LOGIN,
 * without TLS): user `console`, password `console-secret`; anything else is
 * answered "535 5.7.8 Authentication credentials invalid". Its messages go
 * into the same list; `port` says which listener took each one.
 *
 *   GET    /health               200 "ok"
 *   GET    /messages?to=<addr>   JSON, newest first: {to, from, subject, text, html, date, port, user}[]
 *   DELETE /messages             forget every SMTP message
 *   POST   /fail?count=N[&code=550][&message=5.1.1 No such user]
 *                                the next N messages (either listener) are refused at DATA with
 *                                `code message`; default "451 4.3.0 Temporary failure"
 *
 * A receiver for the HTTP email connector, on the HTTP port (verifies nothing; tests check):
 *
 *   POST   /http-hook            records the JSON body and the request headers; answers 200 {id}
 *   GET    /http-hook/messages?to=<addr>
 *                                JSON, newest first: {id, date, headers, body}[]; `to` matches the
 *                                body's `to` (a string, {address}, or a list of either)
 *   DELETE /http-hook/messages   forget them
 *   POST   /http-hook/fail?count=N[&status=503]
 *                                the next N hook requests are answered with that status (default 503)
 *
 * Run: node --import tsx e2e/smtp-sink.ts
 * (SMTP_SINK_PORT / SMTP_SINK_AUTH_PORT / SMTP_SINK_HTTP_PORT override the ports; the AUTH
 * listener defaults to SMTP_SINK_PORT + 2)
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerOptions, type SMTPServerSession } from "smtp-server";
import { simpleParser, type AddressObject } from "mailparser";
import { PORTS } from "./ports";

export type SinkMessage = {
  /** Envelope recipients (RCPT TO), comma separated. */
  to: string;
  /** The From header as text, e.g. `Mailgate E2E <no-reply@mailgate.test>`. */
  from: string;
  subject: string;
  /** The Message-ID header, angle brackets included: what a provider's bounce report names. */
  messageId: string;
  text: string;
  html: string;
  /** When the sink received it (ISO 8601), not the Date header. */
  date: string;
  /** The SMTP listener that took it: 2525 (open) or 2527 (AUTH required). */
  port: number;
  /** The AUTH user name, when the client authenticated. */
  user: string | null;
};

/** One request to POST /http-hook, as GET /http-hook/messages returns it. */
export type HookMessage = {
  id: string;
  /** When the sink received it (ISO 8601). */
  date: string;
  /** Request headers, names in lower case. */
  headers: Record<string, string>;
  /** The parsed JSON body (null if it was not JSON; then `raw` has the text). */
  body: unknown;
  raw?: string;
};

/** The credentials the AUTH listener (2527) accepts. */
export const SINK_AUTH = { user: "console", password: "console-secret" } as const;

type Stored = SinkMessage & { recipients: string[] };

const HOST = "127.0.0.1";
const SMTP_PORT = Number(process.env.SMTP_SINK_PORT ?? PORTS.smtp);
// Two above the open listener unless set, so a sink moved to other ports (SMTP_SINK_PORT) moves whole.
const AUTH_SMTP_PORT = Number(process.env.SMTP_SINK_AUTH_PORT ?? SMTP_PORT + 2);
const HTTP_PORT = Number(process.env.SMTP_SINK_HTTP_PORT ?? PORTS.sinkHttp);

const messages: Stored[] = [];
const hookMessages: HookMessage[] = [];
const DEFAULT_FAILURE = { code: 451, message: "4.3.0 Temporary failure" };
let failNext = 0;
let failWith = DEFAULT_FAILURE;
let hookFailNext = 0;
let hookFailStatus = 503;

const normalize = (address: string) => address.trim().toLowerCase();

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return "";
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(", ");
}

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

class SmtpReply extends Error {
  readonly responseCode: number;
  constructor(responseCode: number, message: string) {
    super(message);
    this.responseCode = responseCode;
  }
}

async function receive(stream: SMTPServerDataStream, session: SMTPServerSession, port: number): Promise<void> {
  const raw = await readAll(stream);
  if (failNext > 0) {
    failNext -= 1;
    throw new SmtpReply(failWith.code, failWith.message);
  }
  const parsed = await simpleParser(raw);
  const recipients = session.envelope.rcptTo.map((r) => normalize(r.address));
  messages.push({
    to: recipients.join(", "),
    recipients,
    from: addressText(parsed.from),
    subject: parsed.subject ?? "",
    messageId: parsed.messageId ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : "",
    date: new Date().toISOString(),
    port,
    user: typeof session.user === "string" ? session.user : null,
  });
  console.log(`smtp-sink: ${recipients.join(", ")} <- ${JSON.stringify(parsed.subject ?? "")} (port ${port})`);
}

function onDataFor(port: number): SMTPServerOptions["onData"] {
  return (stream, session, callback) => {
    receive(stream, session, port).then(
      () => callback(),
      (error: unknown) => {
        if (!(error instanceof SmtpReply)) console.error("smtp-sink: could not parse a message", error);
        callback(error instanceof Error ? error : new Error(String(error)));
      },
    );
  };
}

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  banner: "Mailgate E2E sink",
  logger: false,
  size: 10 * 1024 * 1024,
  onData: onDataFor(SMTP_PORT),
});
smtp.on("error", (error) => console.error("smtp-sink: SMTP error", error));

// AUTH over plain text is fine on loopback, and keeps TLS certificates out of the tests.
const authSmtp = new SMTPServer({
  authOptional: false,
  authMethods: ["PLAIN", "LOGIN"],
  allowInsecureAuth: true,
  disabledCommands: ["STARTTLS"],
  banner: "Mailgate E2E sink (AUTH required)",
  logger: false,
  size: 10 * 1024 * 1024,
  onAuth(auth, _session, callback) {
    if (auth.username === SINK_AUTH.user && auth.password === SINK_AUTH.password) return callback(null, { user: auth.username });
    callback(new SmtpReply(535, "5.7.8 Authentication credentials invalid"));
  },
  onData: onDataFor(AUTH_SMTP_PORT),
});
authSmtp.on("error", (error) => console.error("smtp-sink: SMTP (auth) error", error));

function send(res: ServerResponse, status: number, body: unknown) {
  const payload = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(payload);
}

function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", `http://${HOST}:${HTTP_PORT}`);
  const route = `${req.method ?? "GET"} ${url.pathname}`;
  switch (route) {
    case "GET /health":
      return send(res, 200, "ok");
    case "GET /messages": {
      const to = url.searchParams.get("to");
      const wanted = to ? normalize(to) : null;
      const list = messages
        .filter((m) => wanted === null || m.recipients.includes(wanted))
        .reverse()
        .map(({ to, from, subject, messageId, text, html, date, port, user }): SinkMessage => ({ to, from, subject, messageId, text, html, date, port, user }));
      return send(res, 200, list);
    }
    case "DELETE /messages":
      messages.length = 0;
      return send(res, 200, { cleared: true });
    case "POST /fail": {
      const count = Number(url.searchParams.get("count") ?? "1");
      if (!Number.isInteger(count) || count < 0) return send(res, 400, { error: "count must be a whole number >= 0" });
      const code = Number(url.searchParams.get("code") ?? DEFAULT_FAILURE.code);
      if (!Number.isInteger(code) || code < 400 || code > 599) return send(res, 400, { error: "code must be an SMTP reply code 400-599" });
      const message = url.searchParams.get("message") ?? (code === DEFAULT_FAILURE.code ? DEFAULT_FAILURE.message : code < 500 ? "4.0.0 Temporary failure" : "5.0.0 Permanent failure");
      failNext = count;
      failWith = { code, message: message.replace(/[\r\n]+/g, " ") };
      return send(res, 200, { failNext, ...failWith });
    }
    case "POST /http-hook":
      receiveHook(req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
      return;
    case "GET /http-hook/messages": {
      const to = url.searchParams.get("to");
      const wanted = to ? normalize(to) : null;
      return send(res, 200, hookMessages.filter((m) => wanted === null || hookRecipients(m.body).includes(wanted)).reverse());
    }
    case "DELETE /http-hook/messages":
      hookMessages.length = 0;
      return send(res, 200, { cleared: true });
    case "POST /http-hook/fail": {
      const count = Number(url.searchParams.get("count") ?? "1");
      const status = Number(url.searchParams.get("status") ?? "503");
      if (!Number.isInteger(count) || count < 0) return send(res, 400, { error: "count must be a whole number >= 0" });
      if (!Number.isInteger(status) || status < 400 || status > 599) return send(res, 400, { error: "status must be 400-599" });
      hookFailNext = count;
      hookFailStatus = status;
      return send(res, 200, { hookFailNext, status });
    }
    default:
      return send(res, 404, { error: `no route ${route}` });
  }
}

/** The addresses a hook body is for: `to` as a string, `{address}`, or a list of either. */
function hookRecipients(body: unknown): string[] {
  const to = body && typeof body === "object" ? (body as { to?: unknown }).to : undefined;
  const one = (v: unknown): string[] =>
    typeof v === "string" ? [normalize(v)]
    : v && typeof v === "object" && typeof (v as { address?: unknown }).address === "string" ? [normalize((v as { address: string }).address)]
    : [];
  return Array.isArray(to) ? to.flatMap(one) : one(to);
}

async function receiveHook(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (hookFailNext > 0) {
    hookFailNext -= 1;
    return send(res, hookFailStatus, { error: "failure requested with POST /http-hook/fail" });
  }
  let body: unknown = null;
  try {
    body = JSON.parse(raw);
  } catch {
    body = null;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  const id = randomUUID();
  hookMessages.push({ id, date: new Date().toISOString(), headers, body, ...(body === null ? { raw } : {}) });
  console.log(`smtp-sink: http-hook <- ${hookRecipients(body).join(", ") || "(no to)"}`);
  return send(res, 200, { id });
}

const http = createServer(handle);

// A port already taken would leave a sink that only half works (messages going to another process): stop instead.
function exitIfPortTaken(error: NodeJS.ErrnoException) {
  if (error.code !== "EADDRINUSE") return;
  console.error(`smtp-sink: ${error.message}; is another sink running?`);
  process.exit(1);
}
for (const server of [smtp, authSmtp, http]) server.on("error", exitIfPortTaken);

smtp.listen(SMTP_PORT, HOST, () => console.log(`smtp-sink: SMTP on ${HOST}:${SMTP_PORT}`));
authSmtp.listen(AUTH_SMTP_PORT, HOST, () => console.log(`smtp-sink: SMTP with AUTH on ${HOST}:${AUTH_SMTP_PORT}`));
http.listen(HTTP_PORT, HOST, () => console.log(`smtp-sink: HTTP on http://${HOST}:${HTTP_PORT}`));

function shutdown() {
  http.close();
  authSmtp.close();
  smtp.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
