import { createServer, type AddressInfo } from "node:net";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMailbox } from "../address";
import { ConnectorError, type ConnectorErrorCode, type OutboundMessage } from "../types";
import smtp, { toMailOptions } from "./index";
import type { SmtpConfig } from "./schema";

/**
 * A real SMTP server on 127.0.0.1 (smtp-server), a real client (nodemailer),
 * and what arrived parsed back with mailparser. The server's behaviour is
 * picked by the recipient's local part, so one server covers every case.
 */
const USER = "mailer";
const PASSWORD = "s3cret-Pa55word";

type Received = { mailFrom: string; rcptTo: string[]; user: string | undefined; raw: string; parsed: ParsedMail };

function smtpError(responseCode: number, text: string) {
  return Object.assign(new Error(text), { responseCode });
}

async function startServer(options: Partial<SMTPServerOptions> = {}) {
  const received: Received[] = [];
  let connections = 0;
  const server = new SMTPServer({
    logger: false,
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) return callback(null, { user: auth.username });
      // A careless server that echoes what it got: the connector must still keep the password out.
      if (auth.username === "echo") return callback(smtpError(535, `5.7.8 Bad credentials: ${auth.password ?? ""}`));
      return callback(smtpError(535, "5.7.8 Username and Password not accepted"));
    },
    onMailFrom(address, _session, callback) {
      if (address.address.startsWith("forbidden@")) return callback(smtpError(553, "5.7.1 Sender address rejected: not owned by user"));
      return callback();
    },
    onRcptTo(address, _session, callback) {
      const local = address.address.split("@")[0] ?? "";
      const responses: Record<string, [number, string]> = {
        unknown: [550, "5.1.1 The email account that you tried to reach does not exist"],
        "not-local": [551, "5.1.6 User not local"],
        "bad-mailbox": [553, "5.1.3 Mailbox name not allowed"],
        busy: [451, "4.3.0 Temporary local problem, try again later"],
        full: [452, "4.2.2 Mailbox full"],
        slow: [454, "4.7.0 Too many messages, slow down"],
        greylisted: [450, "4.2.0 Greylisted, please retry"],
        relay: [554, "5.7.1 Relay access denied"],
      };
      const response = responses[local];
      if (response) return callback(smtpError(response[0], response[1]));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw)
          .then((parsed) => {
            received.push({
              mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              rcptTo: session.envelope.rcptTo.map((r) => r.address),
              user: session.user as string | undefined,
              raw,
              parsed,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
    ...options,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on: bind one, note it, release it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const CODE = "482913";

function message(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    to: "ada@example.test",
    from: { name: "Acme", address: "no-reply@acme.test" },
    subject: `Your sign-in code is ${CODE}`,
    text: `Your sign-in code is ${CODE}. It expires in 10 minutes.`,
    html: `<!doctype html><html><body><p>Your sign-in code is <strong>${CODE}</strong>.</p></body></html>`,
    ...overrides,
  };
}

function firstAddress(field: AddressObject | AddressObject[] | undefined) {
  const object = Array.isArray(field) ? field[0] : field;
  return object?.value[0];
}

async function sendExpectingError(config: SmtpConfig, msg: OutboundMessage = message()): Promise<ConnectorError> {
  try {
    await smtp.send(config, msg);
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError);
    return error as ConnectorError;
  }
  throw new Error("expected the send to fail");
}

describe("smtp connector against a real SMTP server", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let plain: SmtpConfig;
  let authed: SmtpConfig;

  beforeAll(async () => {
    server = await startServer();
    plain = { host: "127.0.0.1", port: server.port, security: "starttls-optional", auth: { type: "none" } };
    authed = { ...plain, auth: { type: "login", user: USER, password: PASSWORD } };
  });
  afterAll(async () => {
    await server.close();
  });

  it("delivers From, To and Subject exactly, with text and HTML parts both carrying the code", async () => {
    const result = await smtp.send(authed, message());
    expect(result.messageId).toMatch(/^<.+@.+>$/);

    const mail = server.received.at(-1)!;
    expect(mail.user).toBe(USER);
    expect(mail.mailFrom).toBe("no-reply@acme.test");
    expect(mail.rcptTo).toEqual(["ada@example.test"]);
    expect(firstAddress(mail.parsed.from)).toEqual({ name: "Acme", address: "no-reply@acme.test" });
    expect(firstAddress(mail.parsed.to)).toEqual({ name: "", address: "ada@example.test" });
    expect(mail.parsed.subject).toBe(`Your sign-in code is ${CODE}`);
    expect(mail.parsed.messageId).toBe(result.messageId);

    expect(typeof mail.parsed.text).toBe("string");
    expect(typeof mail.parsed.html).toBe("string");
    const textCode = /\b(\d{6})\b/.exec(mail.parsed.text ?? "")?.[1];
    const htmlCode = /\b(\d{6})\b/.exec(mail.parsed.html || "")?.[1];
    expect(textCode).toBe(CODE);
    expect(htmlCode).toBe(CODE);
    expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/i);
  });

  it("sends without authentication when auth is none", async () => {
    await smtp.send(plain, message({ to: "grace@example.test" }));
    const mail = server.received.at(-1)!;
    expect(mail.user).toBeUndefined();
    expect(mail.rcptTo).toEqual(["grace@example.test"]);
  });

  it("passes extra headers and Reply-To through", async () => {
    await smtp.send(plain, message({ replyTo: "support@acme.test", headers: { "X-Mailgate-Purpose": "SignIn", "List-Id": "<codes.acme.test>" } }));
    const mail = server.received.at(-1)!;
    expect(mail.parsed.headers.get("x-mailgate-purpose")).toBe("SignIn");
    expect(firstAddress(mail.parsed.replyTo)?.address).toBe("support@acme.test");
  });

  it("a from-name carrying CRLF + Bcc adds no header and no recipient", async () => {
    const before = server.received.length;
    await smtp.send(
      plain,
      message({
        from: { name: "Acme\r\nBcc: evil@x.test", address: "no-reply@acme.test" },
        subject: "Hello\r\nBcc: evil2@x.test",
      }),
    );
    expect(server.received.length).toBe(before + 1);
    const mail = server.received.at(-1)!;
    // The SMTP envelope is the only thing that decides delivery.
    expect(mail.rcptTo).toEqual(["ada@example.test"]);
    expect(mail.parsed.headers.has("bcc")).toBe(false);
    expect(mail.parsed.bcc).toBeUndefined();
    expect(mail.raw).not.toMatch(/^bcc:/im);
    expect(mail.raw).not.toContain("evil@x.test>");
    // The name survives, on one line, as a name.
    expect(firstAddress(mail.parsed.from)).toEqual({ name: "Acme Bcc: evil@x.test", address: "no-reply@acme.test" });
    expect(mail.parsed.subject).toBe("Hello Bcc: evil2@x.test");
    expect(firstAddress(mail.parsed.to)?.address).toBe("ada@example.test");
  });

  it("refuses header names or values with line breaks, reserved headers and multi-address recipients before connecting", async () => {
    const before = server.connections();
    const cases: [Partial<OutboundMessage>, ConnectorErrorCode][] = [
      [{ headers: { "X-Test": "a\r\nBcc: evil@x.test" } }, "provider_error"],
      [{ headers: { "X-Test\r\nBcc": "evil@x.test" } }, "provider_error"],
      [{ headers: { Bcc: "evil@x.test" } }, "provider_error"],
      [{ to: "ada@example.test, evil@x.test" }, "rejected_recipient"],
      [{ to: "ada@example.test\r\nBcc: evil@x.test" }, "rejected_recipient"],
      [{ from: { address: "no-reply@acme.test\r\nBcc: evil@x.test" } }, "invalid_config"],
    ];
    for (const [overrides, code] of cases) {
      const error = await sendExpectingError(plain, message(overrides));
      expect(error.code).toBe(code);
    }
    expect(server.connections()).toBe(before);
  });

  it("wrong password → auth_failed with the server's text, never the password", async () => {
    const error = await sendExpectingError({ ...authed, auth: { type: "login", user: USER, password: "wrong-password" } });
    expect(error.code).toBe("auth_failed");
    expect(error.message).toContain("535");
    expect(error.message).toContain("Username and Password not accepted");
    expect(error.message).not.toContain("wrong-password");
  });

  it("redacts the password even when the server echoes it back", async () => {
    const error = await sendExpectingError({ ...authed, auth: { type: "login", user: "echo", password: "echoed-Secret-99" } });
    expect(error.code).toBe("auth_failed");
    expect(error.message).toContain("Bad credentials");
    expect(error.message).not.toContain("echoed-Secret-99");
    expect(error.message).toContain("[redacted]");
  });

  it.each<[string, ConnectorErrorCode, string]>([
    ["unknown", "rejected_recipient", "550"],
    ["not-local", "rejected_recipient", "551"],
    ["bad-mailbox", "rejected_recipient", "553"],
    ["busy", "transient", "451"],
    ["full", "transient", "452"],
    ["greylisted", "transient", "450"],
    ["slow", "rate_limited", "454"],
    ["relay", "provider_error", "554"],
  ])("RCPT TO %s@ → %s (%s, server text kept)", async (local, code, status) => {
    const error = await sendExpectingError(authed, message({ to: `${local}@example.test` }));
    expect(error.code).toBe(code);
    expect(error.message).toContain(status);
    expect(error.message).not.toContain(PASSWORD);
  });

  it("a sender the server refuses (553 on MAIL FROM) → invalid_config pointing at EMAIL_FROM", async () => {
    const error = await sendExpectingError(plain, message({ from: { name: "Acme", address: "forbidden@acme.test" } }));
    expect(error.code).toBe("invalid_config");
    expect(error.message).toContain("EMAIL_FROM");
    expect(error.message).toContain("553");
  });

  it("implicit TLS against a plain server → invalid_config explaining 465 vs 587", async () => {
    const error = await sendExpectingError({ ...authed, security: "tls" });
    expect(error.code).toBe("invalid_config");
    expect(error.message).toContain("465");
    expect(error.message).toContain("587");
    expect(error.message).toMatch(/implicit TLS/);
    expect(error.message).not.toContain(PASSWORD);
  });

  it("STARTTLS required but not offered → invalid_config", async () => {
    const error = await sendExpectingError({ ...authed, security: "starttls" });
    expect(error.code).toBe("invalid_config");
    expect(error.message).toMatch(/STARTTLS/);
  });

  it("connection refused (closed port) → transient", async () => {
    const port = await closedPort();
    const error = await sendExpectingError({ ...authed, port });
    expect(error.code).toBe("transient");
    expect(error.message).toContain("ECONNREFUSED");
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).not.toContain(PASSWORD);
  });
});

describe("smtp connector with STARTTLS and an untrusted certificate", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    // smtp-server's built-in self-signed certificate, STARTTLS enabled.
    server = await startServer({ disabledCommands: [] });
  });
  afterAll(async () => {
    await server.close();
  });

  it("refuses to send (no silent downgrade) and reports invalid_config about the certificate", async () => {
    for (const security of ["starttls", "starttls-optional"] as const) {
      const error = await sendExpectingError({ host: "127.0.0.1", port: server.port, security, auth: { type: "login", user: USER, password: PASSWORD } });
      expect(error.code).toBe("invalid_config");
      expect(error.message).toMatch(/certificate/i);
      expect(error.message).not.toContain(PASSWORD);
    }
    expect(server.received).toHaveLength(0);
  });
});

describe("message building (no network)", () => {
  it("uses an explicit envelope: the only recipient is message.to", () => {
    const options = toMailOptions(message({ from: { name: "A\nB", address: "no-reply@acme.test" } }));
    expect(options.envelope).toEqual({ from: "no-reply@acme.test", to: ["ada@example.test"] });
    expect(options.from).toEqual({ name: "A B", address: "no-reply@acme.test" });
    expect(options.disableFileAccess).toBe(true);
    expect(options.disableUrlAccess).toBe(true);
  });

  it("parses EMAIL_FROM forms and strips line breaks from the name", () => {
    expect(parseMailbox("Acme <no-reply@acme.test>")).toEqual({ name: "Acme", address: "no-reply@acme.test" });
    expect(parseMailbox('"Acme, Inc." <no-reply@acme.test>')).toEqual({ name: "Acme, Inc.", address: "no-reply@acme.test" });
    expect(parseMailbox("no-reply@localhost")).toEqual({ address: "no-reply@localhost" });
    expect(parseMailbox("  <no-reply@acme.test> ")).toEqual({ address: "no-reply@acme.test" });
    expect(parseMailbox("Acme\r\nBcc: evil@x.test <no-reply@acme.test>")).toEqual({
      name: "Acme Bcc: evil@x.test",
      address: "no-reply@acme.test",
    });
    for (const bad of ["", "Acme", "Acme <>", "a@b.test, c@d.test", "Acme <a@b.test\r\nBcc: e@x.test>", "a b@c.test"]) {
      expect(() => parseMailbox(bad), bad).toThrow(/valid email address|is empty/);
    }
  });
});
