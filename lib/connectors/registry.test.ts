import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CONNECTOR_IDS, connectors, isConnectorId, parseConnectorConfig, type ConnectorId } from "./registry";
import { ConnectorError, secretKeys } from "./types";

const here = fileURLToPath(new URL(".", import.meta.url));
const folders = readdirSync(here)
  .filter((name) => statSync(join(here, name)).isDirectory())
  .filter((name) => existsSync(join(here, name, "index.ts")))
  .sort();

/**
 * Shared behaviour, one row per connector. Adding a connector without a row
 * here fails the first test below: every connector must show a valid config
 * and the invalid ones it refuses.
 */
const SECRET = "hunter2-very-secret";
const fixtures: Record<ConnectorId, { valid: unknown[]; invalid: [string, unknown][] }> = {
  dev: {
    valid: [{}],
    invalid: [
      ["null", null],
      ["a string", "dev"],
      ["an unknown key", { path: "/tmp/mail" }],
    ],
  },
  smtp: {
    valid: [
      { host: "smtp.example.com", port: 587, security: "starttls", auth: { type: "login", user: "apikey", password: SECRET } },
      { host: "127.0.0.1", port: 25, security: "starttls-optional", auth: { type: "none" } },
      { host: "smtp.example.com", port: 465, security: "tls", auth: { type: "none" } },
      { host: "::1", port: 2525, security: "starttls-optional", auth: { type: "none" } },
      { host: "smtp.gmail.com", port: 465, security: "tls", auth: { type: "oauth2", user: "mailer@example.com", clientId: "1234.apps.googleusercontent.com", clientSecret: SECRET, refreshToken: SECRET } },
      { host: "smtp.office365.com", port: 587, security: "starttls", auth: { type: "oauth2", user: "mailer@example.com", accessToken: SECRET, clientId: "client-id", clientSecret: SECRET, refreshToken: SECRET, accessUrl: "https://login.microsoftonline.com/tenant-id/oauth2/v2.0/token" } },
      { host: "smtp.example.com", port: 587, security: "starttls", auth: { type: "oauth2", user: "mailer@example.com", accessToken: SECRET } },
      { host: "smtp.example.com", port: 587, security: "starttls", auth: { type: "login", user: "apikey", password: SECRET }, headers: { "X-SES-CONFIGURATION-SET": "transactional", "X-PM-Message-Stream": "outbound" } },
      { host: "127.0.0.1", port: 25, security: "starttls-optional", auth: { type: "none" }, headers: {} },
    ],
    invalid: [
      ["empty", {}],
      ["null", null],
      ["empty host", { host: "  ", port: 587, security: "starttls", auth: { type: "none" } }],
      ["a URL as host", { host: "smtp://smtp.example.com", port: 587, security: "starttls", auth: { type: "none" } }],
      ["host with port", { host: "smtp.example.com:587", port: 587, security: "starttls", auth: { type: "none" } }],
      ["port 0", { host: "smtp.example.com", port: 0, security: "starttls", auth: { type: "none" } }],
      ["port as string", { host: "smtp.example.com", port: "587", security: "starttls", auth: { type: "none" } }],
      ["port too high", { host: "smtp.example.com", port: 70000, security: "tls", auth: { type: "none" } }],
      ["unknown security", { host: "smtp.example.com", port: 465, security: "ssl", auth: { type: "none" } }],
      ["login without password", { host: "smtp.example.com", port: 587, security: "starttls", auth: { type: "login", user: "u" } }],
      ["login with empty user", { host: "smtp.example.com", port: 587, security: "starttls", auth: { type: "login", user: "", password: SECRET } }],
      ["missing auth", { host: "smtp.example.com", port: 587, security: "starttls" }],
      ["from inside the config", { host: "smtp.example.com", port: 587, security: "starttls", auth: { type: "none" }, fromAddress: "a@b.test" }],
      ["bad port with a secret", { host: "smtp.example.com", port: -1, security: "starttls", auth: { type: "login", user: "u", password: SECRET } }],
      ["oauth2 without token or refresh credentials", { host: "smtp.example.com", port: 587, security: "starttls", auth: { type: "oauth2", user: "mailer@example.com" } }],
      ["oauth2 refresh token without client", { host: "smtp.example.com", port: 587, security: "starttls", auth: { type: "oauth2", user: "mailer@example.com", refreshToken: SECRET } }],
      ["oauth2 client without refresh token", { host: "smtp.example.com", port: 587, security: "starttls", auth: { type: "oauth2", user: "mailer@example.com", clientId: "c", clientSecret: SECRET } }],
      ["oauth2 empty user", { host: "smtp.example.com", port: 587, security: "starttls", auth: { type: "oauth2", user: "", accessToken: SECRET } }],
      ["oauth2 with a password", { host: "smtp.example.com", port: 587, security: "starttls", auth: { type: "oauth2", user: "mailer@example.com", accessToken: SECRET, password: SECRET } }],
      ["oauth2 token URL not http(s)", { host: "smtp.example.com", port: 587, security: "starttls", auth: { type: "oauth2", user: "mailer@example.com", accessToken: SECRET, accessUrl: "ftp://login.example.com/token" } }],
      ["header overriding Bcc", { host: "smtp.example.com", port: 587, security: "starttls", auth: { type: "none" }, headers: { Bcc: "evil@example.com" } }],
      ["header overriding Content-Type", { host: "smtp.example.com", port: 587, security: "starttls", auth: { type: "none" }, headers: { "Content-Type": "text/plain" } }],
      ["header value with a line break", { host: "smtp.example.com", port: 587, security: "starttls", auth: { type: "login", user: "u", password: SECRET }, headers: { "X-Tag": `${SECRET}\r\nBcc: evil@example.com` } }],
      ["header name with a space", { host: "smtp.example.com", port: 587, security: "starttls", auth: { type: "none" }, headers: { "X Tag": "1" } }],
      ["headers as text", { host: "smtp.example.com", port: 587, security: "starttls", auth: { type: "none" }, headers: "X-Tag: 1" }],
    ],
  },
  http: {
    valid: [
      { endpoint: "https://mail.example.com/mailgate", authorization: `Bearer ${SECRET}`, signingSecret: SECRET, allowPrivateTargets: false, timeoutMs: 15000 },
      { endpoint: "https://mail.example.com/mailgate", signingSecret: SECRET },
      { endpoint: "http://10.0.0.5:8080/send", signingSecret: SECRET, allowPrivateTargets: true },
    ],
    invalid: [
      ["empty", {}],
      ["null", null],
      ["missing signing secret", { endpoint: "https://mail.example.com/mailgate" }],
      ["signing secret too short", { endpoint: "https://mail.example.com/mailgate", signingSecret: "short" }],
      ["missing endpoint", { signingSecret: SECRET }],
      ["ftp endpoint", { endpoint: "ftp://mail.example.com/", signingSecret: SECRET }],
      ["endpoint without scheme", { endpoint: "mail.example.com/mailgate", signingSecret: SECRET }],
      ["credentials in the endpoint", { endpoint: `https://user:${SECRET}@mail.example.com/`, signingSecret: SECRET }],
      ["line break in authorization", { endpoint: "https://mail.example.com/mailgate", authorization: `Bearer ${SECRET}\r\nX-Evil: 1`, signingSecret: SECRET }],
      ["timeout too low", { endpoint: "https://mail.example.com/mailgate", signingSecret: SECRET, timeoutMs: 999 }],
      ["timeout as string", { endpoint: "https://mail.example.com/mailgate", signingSecret: SECRET, timeoutMs: "10000" }],
      ["allowPrivateTargets as string", { endpoint: "https://mail.example.com/mailgate", signingSecret: SECRET, allowPrivateTargets: "true" }],
      ["an unknown key", { endpoint: "https://mail.example.com/mailgate", signingSecret: SECRET, secret: SECRET }],
    ],
  },
  sendgrid: {
    valid: [{ apiKey: SECRET }, { apiKey: SECRET, sandboxMode: true }, { apiKey: SECRET, baseUrl: "https://api.eu.sendgrid.com", timeoutMs: 20_000 }],
    invalid: [
      ["empty", {}],
      ["null", null],
      ["blank API key", { apiKey: "   " }],
      ["API key with a space inside", { apiKey: "SG.abc def" }],
      ["ftp base URL", { apiKey: SECRET, baseUrl: "ftp://api.sendgrid.com" }],
      ["base URL with credentials", { apiKey: SECRET, baseUrl: "https://user:pw@api.sendgrid.com" }],
      ["timeout too short", { apiKey: SECRET, timeoutMs: 999 }],
      ["sandbox mode as a string", { apiKey: SECRET, sandboxMode: "true" }],
      ["from inside the config", { apiKey: SECRET, from: "a@b.test" }],
    ],
  },
  mailgun: {
    valid: [
      { apiKey: SECRET, domain: "mg.example.com" },
      { apiKey: SECRET, domain: "mg.example.com", region: "eu" },
      { apiKey: SECRET, domain: "sandbox0123456789abcdef.mailgun.org", region: "us", testMode: true },
    ],
    invalid: [
      ["empty", {}],
      ["missing domain", { apiKey: SECRET }],
      ["missing API key", { domain: "mg.example.com" }],
      ["domain with scheme", { apiKey: SECRET, domain: "https://mg.example.com" }],
      ["an address as domain", { apiKey: SECRET, domain: "postmaster@mg.example.com" }],
      ["unknown region", { apiKey: SECRET, domain: "mg.example.com", region: "asia" }],
      ["javascript base URL", { apiKey: SECRET, domain: "mg.example.com", baseUrl: "javascript:alert(1)" }],
      ["timeout too long", { apiKey: SECRET, domain: "mg.example.com", timeoutMs: 60_001 }],
    ],
  },
  postmark: {
    valid: [{ serverToken: SECRET }, { serverToken: SECRET, messageStream: "outbound" }, { serverToken: SECRET, messageStream: "sign-in-codes", timeoutMs: 1000 }],
    invalid: [
      ["empty", {}],
      ["null", null],
      ["apiKey instead of serverToken", { apiKey: SECRET }],
      ["token with a line break inside", { serverToken: "abc\ndef" }],
      ["stream with a space", { serverToken: SECRET, messageStream: "my stream" }],
      ["base URL without scheme", { serverToken: SECRET, baseUrl: "api.postmarkapp.com" }],
      ["timeout 0", { serverToken: SECRET, timeoutMs: 0 }],
    ],
  },
  ses: {
    valid: [
      { region: "eu-west-1", credentials: { type: "access-key", accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET } },
      { region: "us-east-1", credentials: { type: "default-chain" }, configurationSetName: "transactional" },
      { region: "ap-northeast-1", credentials: { type: "access-key", accessKeyId: "ASIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET, sessionToken: SECRET }, timeoutMs: 5000 },
    ],
    invalid: [
      ["empty", {}],
      ["no credentials", { region: "eu-west-1" }],
      ["a region that is not one", { region: "europe", credentials: { type: "default-chain" } }],
      ["access key without secret", { region: "eu-west-1", credentials: { type: "access-key", accessKeyId: "AKIAIOSFODNN7EXAMPLE" } }],
      ["keys stored with default-chain", { region: "eu-west-1", credentials: { type: "default-chain", secretAccessKey: SECRET } }],
      ["bad configuration set", { region: "eu-west-1", credentials: { type: "default-chain" }, configurationSetName: "has space" }],
      ["endpoint with credentials", { region: "eu-west-1", credentials: { type: "default-chain" }, baseUrl: `https://u:${SECRET}@email.example.com` }],
    ],
  },
  aliyun: {
    valid: [
      { accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: SECRET },
      { accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: SECRET, region: "ap-southeast-1", tagName: "signin_codes" },
      { accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: SECRET, region: "eu-central-1", useConsoleReplyTo: true, timeoutMs: 5000 },
    ],
    invalid: [
      ["empty", {}],
      ["missing secret", { accessKeyId: "LTAI5tExampleKeyId" }],
      ["unknown region", { accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: SECRET, region: "mars-1" }],
      ["tag with a dash", { accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: SECRET, tagName: "sign-in" }],
      ["secret with a space", { accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: "abc def" }],
    ],
  },
  resend: {
    valid: [{ apiKey: SECRET }, { apiKey: SECRET, timeoutMs: 30_000 }],
    invalid: [
      ["empty", {}],
      ["null", null],
      ["API key as a number", { apiKey: 123 }],
      ["file base URL", { apiKey: SECRET, baseUrl: "file:///etc/passwd" }],
      ["timeout too long", { apiKey: SECRET, timeoutMs: 120_000 }],
      ["a region (not a Resend setting)", { apiKey: SECRET, region: "eu" }],
    ],
  },
};

describe("connector registry", () => {
  it("registers every folder with an index.ts, under its folder name", () => {
    expect(folders.length).toBeGreaterThan(0);
    expect([...CONNECTOR_IDS].sort()).toEqual(folders);
    expect(Object.keys(fixtures).sort()).toEqual(folders);
    for (const id of CONNECTOR_IDS) {
      expect(connectors[id].id).toBe(id);
      expect(isConnectorId(id)).toBe(true);
    }
    expect(isConnectorId("toString")).toBe(false);
    expect(isConnectorId("mailchimp")).toBe(false);
  });

  it.each(folders)("%s has schema.ts, README.md and index.test.ts", (folder) => {
    for (const file of ["schema.ts", "index.ts", "README.md", "index.test.ts"]) {
      expect(existsSync(join(here, folder, file)), `${folder}/${file}`).toBe(true);
    }
  });

  it.each(CONNECTOR_IDS)("%s describes itself and names secret fields that exist", (id) => {
    const connector = connectors[id];
    expect(connector.label.trim()).not.toBe("");
    expect(connector.description.trim()).not.toBe("");
    expect(typeof connector.send).toBe("function");
    // Every field names a real config path, every secret is a field (the only list of secrets).
    const paths = new Set(fixtures[id].valid.flatMap((config) => leafPaths(config as Record<string, unknown>)));
    for (const field of connector.fields) {
      const parents = field.key.split(".").slice(0, -1).join(".");
      expect(paths.has(field.key) || (parents !== "" && [...paths].some((p) => p.startsWith(`${parents}.`))) || !field.required, `${id}: field ${field.key}`).toBe(true);
    }
    for (const key of secretKeys(connector)) expect(connector.fields.find((f) => f.key === key)?.type, `${id}: secret ${key}`).toMatch(/password|text|textarea/);
  });

  it("unknown connector ids are invalid_config", () => {
    expect(() => parseConnectorConfig("mailchimp" as ConnectorId, {})).toThrow(ConnectorError);
    try {
      parseConnectorConfig("mailchimp" as ConnectorId, {});
    } catch (error) {
      expect((error as ConnectorError).code).toBe("invalid_config");
      expect((error as ConnectorError).message).toContain("dev, smtp, http, sendgrid");
    }
  });
});

describe.each(CONNECTOR_IDS)("shared behaviour: %s", (id) => {
  it.each(fixtures[id].valid.map((config, i) => [i, config] as const))("valid config #%s parses", (_i, config) => {
    expect(() => parseConnectorConfig(id, config)).not.toThrow();
  });

  it.each(fixtures[id].invalid)("invalid config (%s) → ConnectorError invalid_config", (_name, config) => {
    let thrown: unknown;
    try {
      parseConnectorConfig(id, config);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectorError);
    const error = thrown as ConnectorError;
    expect(error.code).toBe("invalid_config");
    expect(error.message).toContain(connectors[id].label);
    expect(error.message).not.toContain(SECRET);
  });
});

describe("smtp config errors name the field", () => {
  it("lists each problem once, by path", () => {
    try {
      parseConnectorConfig("smtp", { host: "", port: 0, security: "starttls", auth: { type: "login", user: "u", password: "" } });
      expect.unreachable();
    } catch (error) {
      const message = (error as ConnectorError).message;
      expect(message).toContain("host: is required");
      expect(message).not.toContain("must be a host name");
      expect(message).toContain("port:");
      expect(message).toContain("auth.password: is required");
    }
  });
});

function leafPaths(obj: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([key, value]) =>
    value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length > 0 && key !== "headers"
      ? leafPaths(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}
