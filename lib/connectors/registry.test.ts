import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CONNECTOR_IDS, connectors, isConnectorId, parseConnectorConfig, type ConnectorId } from "./registry";
import { ConnectorError } from "./types";

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
    expect(isConnectorId("sendgrid")).toBe(false);
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
    const sample = fixtures[id].valid[0] as Record<string, unknown>;
    for (const field of connector.secretFields as readonly string[]) expect(Object.keys(sample)).toContain(field);
  });

  it("unknown connector ids are invalid_config", () => {
    expect(() => parseConnectorConfig("sendgrid" as ConnectorId, {})).toThrow(ConnectorError);
    try {
      parseConnectorConfig("sendgrid" as ConnectorId, {});
    } catch (error) {
      expect((error as ConnectorError).code).toBe("invalid_config");
      expect((error as ConnectorError).message).toContain("dev, smtp");
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
