import { createServer, type AddressInfo } from "node:net";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseMailbox } from "../address";
import { formToConfig } from "../form";
import { dns } from "../net/guard";
import { startProviderServer, type ProviderServer } from "../test-server";
import { ConnectorError, secretKeys, type ConnectorErrorCode, type OutboundMessage } from "../types";
import smtp, { toMailOptions } from "./index";
import { smtpConfigSchema, smtpFields, type SmtpConfig } from "./schema";
import { exchangeRefreshToken } from "./token";

/**
 * A real SMTP server on 127.0.0.1 (smtp-server), a real client (nodemailer),
 * and what arrived parsed back with mailparser. The server's behaviour is
 * picked by the recipient's local part, so one server covers every case.
 */
const USER = "mailer";
const PASSWORD = "s3cret-Pa55word";
/** XOAUTH2: the mailbox, the one access token the server accepts, and the prefix of tokens the fake token endpoint issues. */
const OAUTH_USER = "mailbox@acme.test";
const ACCESS_TOKEN = "ya29.a0-valid-access-token-7781";
const FRESH_TOKEN_PREFIX = "ya29.fresh-";

function xoauth2(user: string, token: string): string {
  return Buffer.from(`user=${user}\u0001auth=Bearer ${token}\u0001\u0001`, "utf8").toString("base64");
}

type Received = { mailFrom: string; rcptTo: string[]; user: string | undefined; raw: string; parsed: ParsedMail };

function smtpError(responseCode: number, text: string) {
  return Object.assign(new Error(text), { responseCode });
}

async function startServer(options: Partial<SMTPServerOptions> = {}) {
  const received: Received[] = [];
  const logins: { method: string; username: string | undefined; accessToken: string | undefined }[] = [];
  let connections = 0;
  const server = new SMTPServer({
    logger: false,
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN", "XOAUTH2"],
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onAuth(auth, _session, callback) {
      logins.push({ method: auth.method, username: auth.username, accessToken: auth.accessToken });
      if (auth.method === "XOAUTH2") {
        const token = auth.accessToken ?? "";
        if (token === ACCESS_TOKEN || token.startsWith(FRESH_TOKEN_PREFIX)) return callback(null, { user: auth.username });
        // A careless server again: the token and the XOAUTH2 string it came in, echoed back.
        if (auth.username === "echo@acme.test") {
          return callback(smtpError(535, `5.7.8 Token ${token} (${xoauth2(auth.username, token)}) rejected`));
        }
        // What Gmail does: a 334 challenge carrying a JSON error, then 535 once the client answers.
        return callback(null, { data: { status: "401", schemes: "bearer", scope: "https://mail.google.com/" } });
      }
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
    logins,
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
    plain = { host: "127.0.0.1", allowPrivateTargets: true, port: server.port, security: "starttls-optional", auth: { type: "none" } };
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

  it("a from-name or subject hiding CRLF + Bcc in an RFC 2047 encoded word decodes to one line in the reader's client", async () => {
    const hidden = (text: string) => `=?UTF-8?B?${Buffer.from(text, "utf8").toString("base64")}?=`;
    await smtp.send(
      plain,
      message({ from: { name: hidden("Eve\r\nBcc: evil@x.test"), address: "no-reply@acme.test" }, subject: `Code ${hidden("\r\nBcc: evil2@x.test")}` }),
    );
    const mail = server.received.at(-1)!;
    expect(mail.rcptTo).toEqual(["ada@example.test"]);
    // mailparser decodes encoded words as a mail client does.
    expect(mail.parsed.headers.has("bcc")).toBe(false);
    expect(firstAddress(mail.parsed.from)).toEqual({ name: "Eve Bcc: evil@x.test", address: "no-reply@acme.test" });
    expect(mail.parsed.subject).toBe("Code Bcc: evil2@x.test");
    expect(mail.raw).not.toContain(hidden("Eve\r\nBcc: evil@x.test"));
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
      const error = await sendExpectingError({ host: "127.0.0.1", allowPrivateTargets: true, port: server.port, security, auth: { type: "login", user: USER, password: PASSWORD } });
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

describe("smtp connector with OAuth 2.0 (XOAUTH2)", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let tokens: ProviderServer;
  let issued = 0;
  const CLIENT_SECRET = "GOCSPX-client-secret-5521";

  beforeAll(async () => {
    server = await startServer();
    // The provider's token endpoint, on loopback: exchanges a refresh token for a fresh access token.
    tokens = await startProviderServer((req) => {
      const form = new URLSearchParams(req.text);
      if (form.get("refresh_token")?.startsWith("revoked")) {
        return { status: 400, body: { error: "invalid_grant", error_description: "Token has been expired or revoked." } };
      }
      issued += 1;
      return { status: 200, body: { access_token: `${FRESH_TOKEN_PREFIX}${issued}`, expires_in: 3599, token_type: "Bearer" } };
    });
  });
  afterAll(async () => {
    await Promise.all([server.close(), tokens.close()]);
  });

  function oauth(auth: Omit<Extract<SmtpConfig["auth"], { type: "oauth2" }>, "type" | "user"> & { user?: string }): SmtpConfig {
    return { host: "127.0.0.1", allowPrivateTargets: true, port: server.port, security: "starttls-optional", auth: { type: "oauth2", user: OAUTH_USER, ...auth } };
  }

  it("authenticates with an access token", async () => {
    await smtp.send(oauth({ accessToken: ACCESS_TOKEN }), message());
    expect(server.logins.at(-1)).toEqual({ method: "XOAUTH2", username: OAUTH_USER, accessToken: ACCESS_TOKEN });
    expect(server.received.at(-1)!.user).toBe(OAUTH_USER);
  });

  it("a refused access token → auth_failed that says what to do, without the token in any form", async () => {
    const expired = "ya29.expired-token-0042";
    const delivered = server.received.length;
    const error = await sendExpectingError(oauth({ accessToken: expired }));
    expect(error.code).toBe("auth_failed");
    expect(error.message).toContain("OAuth 2.0");
    expect(error.message).toContain("535");
    expect(error.message).toMatch(/refresh token/);
    expect(error.message).not.toContain(expired);
    expect(error.message).not.toContain(xoauth2(OAUTH_USER, expired));
    expect(server.logins.filter((l) => l.accessToken === expired).length).toBeGreaterThan(0);
    expect(server.received).toHaveLength(delivered);
  });

  it("redacts the token and the XOAUTH2 string when the server echoes them", async () => {
    const token = "ya29.echoed-token-9913";
    const error = await sendExpectingError({ ...oauth({ accessToken: token }), auth: { type: "oauth2", user: "echo@acme.test", accessToken: token } });
    expect(error.code).toBe("auth_failed");
    expect(error.message).toContain("rejected");
    expect(error.message).not.toContain(token);
    expect(error.message).not.toContain(xoauth2("echo@acme.test", token));
    expect(error.message).toContain("[redacted]");
  });

  it("gets an access token with the refresh token, then reuses it for the next email", async () => {
    const before = tokens.requests.length;
    const config = oauth({ clientId: "client-1.apps", clientSecret: CLIENT_SECRET, refreshToken: "refresh-reuse-1", accessUrl: `${tokens.url}/token` });
    await smtp.send(config, message());
    await smtp.send(config, message({ to: "grace@example.test" }));

    expect(tokens.requests.length - before).toBe(1);
    const exchange = tokens.requests.at(-1)!;
    expect(exchange.method).toBe("POST");
    expect(exchange.path).toBe("/token");
    const form = new URLSearchParams(exchange.text);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: "refresh_token",
      client_id: "client-1.apps",
      client_secret: CLIENT_SECRET,
      refresh_token: "refresh-reuse-1",
    });
    const used = server.logins.slice(-2);
    expect(used.map((l) => l.accessToken)).toEqual([`${FRESH_TOKEN_PREFIX}${issued}`, `${FRESH_TOKEN_PREFIX}${issued}`]);
    expect(server.received.at(-1)!.rcptTo).toEqual(["grace@example.test"]);
  });

  it("renews an expired access token with the refresh token and sends", async () => {
    const before = tokens.requests.length;
    await smtp.send(
      oauth({ accessToken: "ya29.stale", clientId: "client-1.apps", clientSecret: CLIENT_SECRET, refreshToken: "refresh-renew-2", accessUrl: `${tokens.url}/token` }),
      message(),
    );
    expect(tokens.requests.length - before).toBe(1);
    expect(server.logins.slice(-2).map((l) => l.accessToken)).toEqual(["ya29.stale", `${FRESH_TOKEN_PREFIX}${issued}`]);
  });

  it("a refused refresh token → auth_failed with the provider's OAuth error, no secrets", async () => {
    const error = await sendExpectingError(
      oauth({ accessToken: "ya29.stale-3", clientId: "client-1.apps", clientSecret: CLIENT_SECRET, refreshToken: "revoked-refresh-3", accessUrl: `${tokens.url}/token` }),
    );
    expect(error.code).toBe("auth_failed");
    expect(error.message).toContain("invalid_grant");
    expect(error.message).toContain("Token has been expired or revoked");
    expect(error.message).toMatch(/client ID, client secret and refresh token/);
    for (const secret of [CLIENT_SECRET, "revoked-refresh-3", "ya29.stale-3"]) expect(error.message).not.toContain(secret);
  });

  it("a token URL on a private address is refused without the opt-in: the secrets are never sent there", async () => {
    const before = tokens.requests.length;
    const auth = { type: "oauth2" as const, user: OAUTH_USER, clientId: "client-1.apps", clientSecret: CLIENT_SECRET, refreshToken: "refresh-guard-5", accessUrl: `${tokens.url}/token` };
    const error = await exchangeRefreshToken(auth, false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe("invalid_config");
    expect((error as ConnectorError).message).toMatch(/^The OAuth 2.0 token endpoint 127\.0\.0\.1 is a loopback address; enable "Allow private network targets"/);
    expect(tokens.requests.length).toBe(before);
  });

  it("the guard's own verdict on the token URL reaches the operator through nodemailer unchanged", async () => {
    vi.spyOn(dns, "resolve").mockRejectedValue(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }));
    const error = await sendExpectingError(
      oauth({ clientId: "client-1.apps", clientSecret: CLIENT_SECRET, refreshToken: "refresh-guard-6", accessUrl: "https://login.mailgate.test/token" }),
    );
    vi.restoreAllMocks();
    expect(error.code).toBe("invalid_config");
    expect(error.message).toBe("The OAuth 2.0 token endpoint host login.mailgate.test was not found; check the token URL.");
  });

  it("an unreachable token endpoint → transient", async () => {
    const port = await closedPort();
    const error = await sendExpectingError(
      oauth({ clientId: "client-1.apps", clientSecret: CLIENT_SECRET, refreshToken: "refresh-unreachable-4", accessUrl: `http://127.0.0.1:${port}/token` }),
    );
    expect(error.code).toBe("transient");
    expect(error.message).toContain("token endpoint");
    expect(error.message).not.toContain(CLIENT_SECRET);
  });
});

describe("smtp connector extra headers from the config", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("adds them to every message; a message header of the same name (any case) wins", async () => {
    const config: SmtpConfig = {
      host: "127.0.0.1",
      allowPrivateTargets: true,
      port: server.port,
      security: "starttls-optional",
      auth: { type: "none" },
      headers: { "X-SES-CONFIGURATION-SET": "transactional", "X-Tag": "from-config" },
    };
    await smtp.send(config, message({ headers: { "x-tag": "from-message" } }));
    const mail = server.received.at(-1)!;
    expect(mail.parsed.headers.get("x-ses-configuration-set")).toBe("transactional");
    expect(mail.parsed.headers.get("x-tag")).toBe("from-message");
    expect(mail.raw.match(/^x-tag:/gim)).toHaveLength(1);
    expect(mail.parsed.subject).toBe(`Your sign-in code is ${CODE}`);
  });

  it("a config that skipped the schema still cannot set Bcc (refused before connecting)", async () => {
    const before = server.connections();
    const error = await sendExpectingError({ host: "127.0.0.1", allowPrivateTargets: true, port: server.port, security: "starttls-optional", auth: { type: "none" }, headers: { Bcc: "evil@x.test" } });
    expect(error.code).toBe("invalid_config");
    expect(server.connections()).toBe(before);
  });
});

describe("smtp config schema and form fields", () => {
  const base = { host: "smtp.example.com", port: 587, security: "starttls" as const, auth: { type: "none" as const } };

  it.each<[string, Record<string, string>]>([
    ["Bcc", { Bcc: "evil@x.test" }],
    ["a lower-case To", { to: "evil@x.test" }],
    ["Content-Type", { "Content-Type": "text/plain" }],
    ["Content-Anything", { "Content-Language": "de" }],
    ["MIME-Version", { "MIME-Version": "1.0" }],
    ["Date", { Date: "Mon, 1 Jan 2024 00:00:00 +0000" }],
    ["Message-ID", { "Message-ID": "<x@y>" }],
    ["Reply-To", { "Reply-To": "evil@x.test" }],
    ["a name with a space", { "X Bad": "1" }],
    ["a name with a colon", { "X-Bad:": "1" }],
    ["a value with CRLF", { "X-Ok": "a\r\nBcc: evil@x.test" }],
    ["a value with a bare LF", { "X-Ok": "a\nb" }],
  ])("refuses a config header: %s", (_name, headers) => {
    expect(smtpConfigSchema.safeParse({ ...base, headers }).success).toBe(false);
  });

  it("accepts ordinary extra headers", () => {
    expect(smtpConfigSchema.safeParse({ ...base, headers: { "X-PM-Message-Stream": "outbound", "List-Id": "<codes.acme.test>" } }).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, boolean]>([
    ["an access token alone", { accessToken: "t" }, true],
    ["refresh credentials alone", { clientId: "c", clientSecret: "s", refreshToken: "r" }, true],
    ["both, with a token URL", { accessToken: "t", clientId: "c", clientSecret: "s", refreshToken: "r", accessUrl: "https://login.microsoftonline.com/x/oauth2/v2.0/token" }, true],
    ["neither", {}, false],
    ["a refresh token without the client", { refreshToken: "r" }, false],
    ["client id and secret without a refresh token", { clientId: "c", clientSecret: "s" }, false],
    ["an empty access token", { accessToken: "" }, false],
    ["a token URL that is not http(s)", { accessToken: "t", accessUrl: "ftp://x/token" }, false],
    ["an unknown key", { accessToken: "t", scope: "mail" }, false],
  ])("oauth2 with %s → valid: %s", (_name, auth, valid) => {
    expect(smtpConfigSchema.safeParse({ ...base, auth: { type: "oauth2", user: OAUTH_USER, ...auth } }).success).toBe(valid);
  });

  it("keeps secrets in the field list: password, client secret and both tokens", () => {
    expect(secretKeys({ fields: smtpFields }).sort()).toEqual(["auth.accessToken", "auth.clientSecret", "auth.password", "auth.refreshToken"]);
  });

  it("the console form's values for OAuth 2.0 become a config the schema accepts; hidden fields are dropped", () => {
    const values = {
      host: "smtp.office365.com",
      port: "587",
      security: "starttls",
      "auth.type": "oauth2",
      "auth.user": OAUTH_USER,
      "auth.password": "left-over-from-login",
      "auth.clientId": "client-1",
      "auth.clientSecret": "s3cret",
      "auth.refreshToken": "r3fresh",
      "auth.accessUrl": "https://login.microsoftonline.com/tenant/oauth2/v2.0/token",
      headers: "X-Tag: codes\nX-Priority: 1",
    };
    const { config, fieldErrors } = formToConfig(smtpFields, values);
    expect(fieldErrors).toEqual({});
    const parsed = smtpConfigSchema.parse(config);
    expect(parsed.auth).toEqual({
      type: "oauth2",
      user: OAUTH_USER,
      clientId: "client-1",
      clientSecret: "s3cret",
      refreshToken: "r3fresh",
      accessUrl: "https://login.microsoftonline.com/tenant/oauth2/v2.0/token",
    });
    expect(parsed.headers).toEqual({ "X-Tag": "codes", "X-Priority": "1" });

    const login = smtpConfigSchema.parse(formToConfig(smtpFields, { ...values, "auth.type": "login", "auth.password": "pw" }).config);
    expect(login.auth).toEqual({ type: "login", user: OAUTH_USER, password: "pw" });
  });
});
