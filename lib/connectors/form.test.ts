import { describe, expect, it } from "vitest";
import { configToFormValues, formToConfig, isFieldShown, mergeSecrets, parseHeaderLines, splitSecrets } from "./form";
import type { ConnectorField } from "./types";

const fields: ConnectorField[] = [
  { key: "host", label: "Host", type: "text", required: true },
  { key: "port", label: "Port", type: "number", default: 587 },
  { key: "auth.type", label: "Auth", type: "select", default: "none", options: [{ value: "none", label: "None" }, { value: "login", label: "Login" }] },
  { key: "auth.user", label: "User", type: "text", showWhen: { key: "auth.type", equals: "login" } },
  { key: "auth.password", label: "Password", type: "password", secret: true, showWhen: { key: "auth.type", equals: "login" } },
  { key: "headers", label: "Headers", type: "headers" },
  { key: "sandbox", label: "Sandbox", type: "checkbox" },
];

describe("connector form values ↔ config", () => {
  it("builds nested config, converts types and keeps secrets exact", () => {
    const parsed = formToConfig(fields, {
      host: " smtp.example.com ", port: "2525", "auth.type": "login", "auth.user": "me", "auth.password": " pa ss ",
      headers: "X-Tag: one\n\nX-Env:  prod ", sandbox: "on",
    });
    expect(parsed.fieldErrors).toEqual({});
    expect(parsed.config).toEqual({
      host: "smtp.example.com", port: 2525, auth: { type: "login", user: "me", password: " pa ss " },
      headers: { "X-Tag": "one", "X-Env": "prod" }, sandbox: true,
    });
  });

  it("drops fields hidden by showWhen, so a strict union sees one branch", () => {
    const parsed = formToConfig(fields, { host: "h", "auth.type": "none", "auth.user": "stale", "auth.password": "stale" });
    expect(parsed.config).toEqual({ host: "h", auth: { type: "none" }, sandbox: false });
    expect(parsed.blankSecrets).toEqual([]);
    expect(isFieldShown(fields[3]!, {}, fields)).toBe(false);
  });

  it("reports blank secrets (keep the saved one) and unconvertible values", () => {
    const parsed = formToConfig(fields, { host: "h", port: "five", "auth.type": "login", "auth.user": "u", "auth.password": "", headers: "no colon" });
    expect(parsed.blankSecrets).toEqual(["auth.password"]);
    expect(parsed.fieldErrors).toEqual({ port: "must be a number", headers: 'line 1 must look like "Name: value"' });
  });

  it("splits secrets out for storage and merges them back; form values never carry secrets", () => {
    const config = { host: "h", port: 25, auth: { type: "login", user: "u", password: "p4ss-word" }, headers: { "X-A": "1" } };
    const { publicConfig, secrets } = splitSecrets(fields, config);
    expect(JSON.stringify(publicConfig)).not.toContain("p4ss-word");
    expect(secrets).toEqual({ "auth.password": "p4ss-word" });
    expect(mergeSecrets(publicConfig, secrets)).toEqual(config);
    const values = configToFormValues(fields, config);
    expect(values).toEqual({ host: "h", port: "25", "auth.type": "login", "auth.user": "u", headers: "X-A: 1" });
  });

  it("ignores prototype-polluting paths", () => {
    const evil: ConnectorField[] = [{ key: "__proto__.polluted", label: "x", type: "text" }];
    formToConfig(evil, { "__proto__.polluted": "yes" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("parses header lines", () => {
    expect(parseHeaderLines("A: b: c\r\nD:e")).toEqual({ A: "b: c", D: "e" });
  });
});
