import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { toAliyunError } from "@/lib/connectors/aliyun/errors";
import { statusError } from "@/lib/connectors/provider-fetch";
import { CONNECTOR_ERROR_CODES, isRetryable } from "@/lib/connectors/types";
import { ERROR_CODES, ERRORS, httpStatus, isErrorCode, operatorText, userText } from "./codes";

const ROOT = join(import.meta.dirname, "../..");

describe("the error table", () => {
  it.each(ERROR_CODES)("%s has an HTTP error status and a user's words", (code) => {
    expect(httpStatus(code)).toBeGreaterThanOrEqual(400);
    expect(httpStatus(code)).toBeLessThan(600);
    expect(userText(code)).toMatch(/^[A-Z].{10,}\.$/);
  });

  it("gives operator words only as sentences", () => {
    for (const code of ERROR_CODES) {
      const words = operatorText(code);
      if (words !== undefined) expect(words, code).toMatch(/^[A-Z].{10,}\.$/);
    }
  });

  it("treats codes read back from storage as plain strings", () => {
    expect(isErrorCode("not_found")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
    expect(operatorText("toString")).toBeUndefined();
    expect(operatorText(null)).toBeUndefined();
  });

  it("is listed, code by code with its status, in docs/errors.md", () => {
    const doc = readFileSync(join(ROOT, "docs/errors.md"), "utf8");
    const rows = new Map([...doc.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|/gm)].map(([, code, status]) => [code!, Number(status)]));
    expect(new Map(ERROR_CODES.map((code) => [code, httpStatus(code)]))).toEqual(rows);
  });
});

/** Source files that ship (tests, fixtures and the table itself excepted). */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|documented-errors\.ts$|test-/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .filter((path) => !path.startsWith("lib/errors/"));
}

const files = [...["lib", "app", "components", "emails"].flatMap(sources), "proxy.ts"].map((path) => ({ path, text: readFileSync(join(ROOT, path), "utf8") }));
const codes = ERROR_CODES.join("|");
// `rate_limited: "…"` or `not_found: 404` in an object; `case "auth_failed": return "…"` in a switch.
const mapEntry = () => new RegExp(`(?<![\\w."'-])(${codes})\\s*:\\s*(["'\`]|[1-5]\\d\\d\\b)`, "g");
const caseReturn = () => new RegExp(`case\\s+"(${codes})"\\s*:\\s*return\\s+["']`, "g");

describe("no module keeps its own code table", () => {
  it("reads every code's words from the table instead of copying them", () => {
    const words = ERROR_CODES.flatMap((code) => [userText(code), operatorText(code)]).filter((w): w is string => w !== undefined);
    const copies = files.flatMap(({ path, text }) => words.filter((w) => text.includes(w)).map((w) => `${path}: "${w}"`));
    expect(copies).toEqual([]);
  });

  it("has no object mapping a code to a status or words, and no switch returning words for a code", () => {
    const found = files.flatMap(({ path, text }) => [...text.matchAll(mapEntry()), ...text.matchAll(caseReturn())].map((m) => `${path}: ${m[0]}`));
    expect(found).toEqual([]);
  });

  it("would notice one (the checks can fail)", () => {
    expect(`const HINTS = { auth_failed: "Check the key.", rate_limited: 429 };`.match(mapEntry())).toHaveLength(2);
    expect(`switch (code) { case "not_found": return "Gone."; }`.match(caseReturn())).toHaveLength(1);
  });

  it("leaves the connector codes' words, lead and retry decision to the table", () => {
    for (const code of CONNECTOR_ERROR_CODES) {
      const entry = ERRORS[code];
      expect(entry.operator, code).toBeTruthy();
      expect(entry.lead, code).toMatch(/^[a-z]/);
      expect(typeof entry.retry, code).toBe("boolean");
    }
  });
});

describe("connector errors, as the table words them", () => {
  it.each([
    [401, "auth_failed"],
    [403, "auth_failed"],
    [429, "rate_limited"],
    [503, "transient"],
    [408, "transient"],
    [400, "provider_error"],
  ] as const)("an HTTP %i is %s, said with the table's lead", (status, code) => {
    const error = statusError("Acme", status, "no");
    expect(error.code).toBe(code);
    expect(error.message).toBe(`Acme ${ERRORS[code].lead} (HTTP ${status}): no`);
    expect(toAliyunError(status, "{}", new Headers()).message).toContain(`Aliyun DirectMail ${ERRORS[code].lead} (HTTP ${status})`);
  });

  it("retries exactly the codes the table marks for retry", () => {
    for (const code of CONNECTOR_ERROR_CODES) expect(isRetryable(code), code).toBe(ERRORS[code].retry);
    expect(CONNECTOR_ERROR_CODES.filter(isRetryable)).toEqual(["rate_limited", "transient"]);
    expect(isRetryable("unknown_outcome")).toBe(false);
    expect(isRetryable("in_flight")).toBe(false);
  });
});
