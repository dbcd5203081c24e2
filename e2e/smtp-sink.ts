/**
 * SMTP sink for the end-to-end tests: accepts every message on
 * 127.0.0.1:2525, keeps it in memory and serves it back over HTTP on
 * 127.0.0.1:2526 so a test can read the code the app just sent.
 *
 *   GET    /health               200 "ok"
 *   GET    /messages?to=<addr>   JSON, newest first: {to, from, subject, text, html, date}[]
 *   DELETE /messages             forget every message
 *   POST   /fail?count=N         the next N messages are answered "451 4.3.0 Temporary failure"
 *
 * Run: node --import tsx e2e/smtp-sink.ts   (SMTP_SINK_PORT / SMTP_SINK_HTTP_PORT override the ports)
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import { simpleParser, type AddressObject } from "mailparser";

export type SinkMessage = {
  /** Envelope recipients (RCPT TO), comma separated. */
  to: string;
  /** The From header as text, e.g. `Mailgate E2E <no-reply@mailgate.test>`. */
  from: string;
  subject: string;
  text: string;
  html: string;
  /** When the sink received it (ISO 8601), not the Date header. */
  date: string;
};

type Stored = SinkMessage & { recipients: string[] };

const HOST = "127.0.0.1";
const SMTP_PORT = Number(process.env.SMTP_SINK_PORT ?? 2525);
const HTTP_PORT = Number(process.env.SMTP_SINK_HTTP_PORT ?? 2526);

const messages: Stored[] = [];
let failNext = 0;

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

async function receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
  const raw = await readAll(stream);
  if (failNext > 0) {
    failNext -= 1;
    throw new SmtpReply(451, "4.3.0 Temporary failure");
  }
  const parsed = await simpleParser(raw);
  const recipients = session.envelope.rcptTo.map((r) => normalize(r.address));
  messages.push({
    to: recipients.join(", "),
    recipients,
    from: addressText(parsed.from),
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : "",
    date: new Date().toISOString(),
  });
  console.log(`smtp-sink: ${recipients.join(", ")} <- ${JSON.stringify(parsed.subject ?? "")}`);
}

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  banner: "Mailgate E2E sink",
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, session, callback) {
    receive(stream, session).then(
      () => callback(),
      (error: unknown) => {
        if (!(error instanceof SmtpReply)) console.error("smtp-sink: could not parse a message", error);
        callback(error instanceof Error ? error : new Error(String(error)));
      },
    );
  },
});
smtp.on("error", (error) => console.error("smtp-sink: SMTP error", error));

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
        .map(({ to, from, subject, text, html, date }): SinkMessage => ({ to, from, subject, text, html, date }));
      return send(res, 200, list);
    }
    case "DELETE /messages":
      messages.length = 0;
      return send(res, 200, { cleared: true });
    case "POST /fail": {
      const count = Number(url.searchParams.get("count") ?? "1");
      if (!Number.isInteger(count) || count < 0) return send(res, 400, { error: "count must be a whole number >= 0" });
      failNext = count;
      return send(res, 200, { failNext });
    }
    default:
      return send(res, 404, { error: `no route ${route}` });
  }
}

const http = createServer(handle);

smtp.listen(SMTP_PORT, HOST, () => console.log(`smtp-sink: SMTP on ${HOST}:${SMTP_PORT}`));
http.listen(HTTP_PORT, HOST, () => console.log(`smtp-sink: HTTP on http://${HOST}:${HTTP_PORT}`));

function shutdown() {
  http.close();
  smtp.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
