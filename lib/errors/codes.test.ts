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

/**
 * The `mapEntry` matches that form a code table: two or more in the same
 * `{ … }`. One status-like key that happens to share a code's name
 * (`{ pending: "Pending", expired: "Expired" }`, an invitation's states) is
 * not a table of codes.
 */
function codeTables(text: string): string[] {
  const matches = [...text.matchAll(mapEntry())];
  if (matches.length < 2) return [];
  const open: number[] = [];
  const enclosing = new Map<number, number>(); // match index → the innermost "{" around it
  let next = 0;
  for (let i = 0; i < text.length && next < matches.length; i += 1) {
    while (next < matches.length && matches[next]!.index === i) enclosing.set(next++, open.at(-1) ?? -1);
    if (text[i] === "{") open.push(i);
    else if (text[i] === "}") open.pop();
  }
  const byObject = new Map<number, string[]>();
  for (const [m, start] of enclosing) byObject.set(start, [...(byObject.get(start) ?? []), matches[m]![0]]);
  return [...byObject.values()].filter((entries) => entries.length >= 2).flat();
}

describe("no module keeps its own code table", () => {
  it("reads every code's words from the table instead of copying them", () => {
    const words = ERROR_CODES.flatMap((code) => [userText(code), operatorText(code)]).filter((w): w is string => w !== undefined);
    const copies = files.flatMap(({ path, text }) => words.filter((w) => text.includes(w)).map((w) => `${path}: "${w}"`));
    expect(copies).toEqual([]);
  });

  it("has no object mapping a code to a status or words, and no switch returning words for a code", () => {
    const found = files.flatMap(({ path, text }) => [...codeTables(text), ...[...text.matchAll(caseReturn())].map((m) => m[0])].map((m) => `${path}: ${m}`));
    expect(found).toEqual([]);
  });

  it("would notice one (the checks can fail)", () => {
    expect(codeTables(`const HINTS = { auth_failed: "Check the key.", rate_limited: 429 };`)).toHaveLength(2);
    expect(codeTables(`const TITLES = { pending: "Open", expired: "Expired", revoked: "Withdrawn" };`)).toEqual([]);
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
