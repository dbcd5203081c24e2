import { junk, type Random } from "./random";

/**
 * HTTP-level fuzz cases: every page and route handler of the build with odd
 * methods, paths, query strings, headers, cookies and bodies. Each case is
 * plain data, so a failure can be printed as a command that replays it.
 */
export type FuzzCase = {
  kind: string;
  /** What was attacked: the route pattern or the action (`file#name`), for grouping failures. */
  about: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
};

export type Target = {
  origin: string;
  /** Route patterns from the build, e.g. `/console/deliveries/[id]`. */
  pages: readonly string[];
  apis: readonly string[];
  /** Cookie headers of signed-in users (admin, member); "" is signed out. */
  sessions: readonly string[];
};

const BAD_SEGMENTS = ["%ff", "%", "%zz", "%00", "%c0%af", "%e2%82", "..%2f..%2f", "%2e%2e", "%252f", "a%", "%u0041"];
const AUTH_SEGMENTS = ["session", "csrf", "providers", "signin", "signout", "callback/credentials", "error", "signin/credentials", "verify-request"];

/** Percent-encoded junk: what a well-formed client would send. */
const encoded = (r: Random) => encodeURIComponent(junk(r));

export function segment(r: Random): string {
  return r.chance(0.5) ? r.pick(BAD_SEGMENTS) : encoded(r) || "x";
}

/** A concrete path for a route pattern: dynamic segments get junk, and sometimes a bad one is added. */
export function fillRoute(route: string, r: Random): string {
  let path = route.replace("[...nextauth]", () => (r.chance(0.7) ? r.pick(AUTH_SEGMENTS) : segment(r))).replace(/\[[^\]]+\]/g, () => segment(r));
  if (r.chance(0.15)) path += `/${segment(r)}`;
  return path;
}

const QUERY_KEYS = ["after", "before", "status", "purpose", "recipient", "method", "next", "callbackUrl", "error", "sent", "saved", "done", "deleted", "required", "changed", "signedOut", "retried", "id", "code", "email", "__proto__", "_rsc"];

export function queryString(r: Random): string {
  const pairs: string[] = [];
  for (let i = r.int(5); i > 0; i--) {
    const key = r.chance(0.85) ? r.pick(QUERY_KEYS) : encoded(r);
    const value = r.chance(0.8) ? encoded(r) : r.pick(BAD_SEGMENTS);
    pairs.push(`${key}=${value}`);
  }
  return pairs.length ? `?${pairs.join("&")}` : "";
}

const COOKIE_NAMES = [
  "authjs.session-token", "authjs.callback-url", "authjs.csrf-token", "authjs.pkce.code_verifier", "__Secure-authjs.session-token",
  "mg_flow", "mg_mfa", "mg_stepup", "mg_email_change", "mg_mfa_enrol",
];

/** Header values Node will send: printable Latin-1 only. */
const headerSafe = (value: string) => value.replace(/[^\t\x20-\x7e]/g, "?").slice(0, 8000);

export function cookieHeader(r: Random, target: Target): string {
  const parts: string[] = [];
  const session = r.pick(target.sessions);
  if (session) parts.push(session);
  for (let i = r.int(3); i > 0; i--) {
    const value = r.chance(0.5) ? encoded(r) : headerSafe(junk(r)).replace(/[;,\s]/g, "");
    parts.push(`${r.pick(COOKIE_NAMES)}=${value}`);
  }
  if (r.chance(0.05)) parts.push(r.pick(["=;;=", "a=%ff", "%", "authjs.session-token"]));
  return parts.join("; ");
}

export function oddHeaders(r: Random, target: Target): Record<string, string> {
  const headers: Record<string, string> = {};
  const cookie = cookieHeader(r, target);
  if (cookie) headers.cookie = cookie;
  const maybe = (p: number, name: string, value: () => string) => {
    if (r.chance(p)) headers[name] = headerSafe(value());
  };
  maybe(0.3, "accept", () => r.pick(["text/html", "application/json", "text/x-component", "*/*", "", "garbage/;;"]));
  maybe(0.15, "rsc", () => r.pick(["1", "0", junk(r)]));
  maybe(0.1, "next-router-prefetch", () => "1");
  maybe(0.1, "next-router-state-tree", () => r.pick([encoded(r), "%5B%22%22%5D", "[[[", junk(r)]));
  maybe(0.05, "next-url", () => r.pick(["/console", encoded(r)]));
  maybe(0.2, "accept-language", () => r.pick(["ja", "*;q=abc", "x".repeat(5000), "en-US,en;q=0.9", junk(r)]));
  maybe(0.1, "user-agent", () => junk(r));
  maybe(0.1, "x-forwarded-for", () => junk(r));
  maybe(0.05, "x-forwarded-host", () => r.pick(["evil.example", junk(r)]));
  maybe(0.05, "x-forwarded-proto", () => r.pick(["https", "gopher", ""]));
  maybe(0.1, "x-verification-id", () => junk(r));
  headers.origin = r.chance(0.9) ? target.origin : headerSafe(r.pick(["null", "http://evil.example", junk(r)]));
  return headers;
}

const CONTENT_TYPES = [
  "application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x",
  "application/merge-patch+json", "", "application/json; charset=utf-16", "application/octet-stream",
];

function jsonJunk(r: Random): string {
  return r.pick([
    () => '{"a":', () => "{'a':1}", () => "[1,2", () => "\u0000", () => "[]", () => '"str"', () => "123", () => "null",
    () => '{"password":123}', () => '{"email":{"$ne":1}}', () => '{"code":["1"]}', () => '{"__proto__":{"x":1}}',
    () => `${"[".repeat(5000)}${"]".repeat(5000)}`,
    () => JSON.stringify(Object.fromEntries(Array.from({ length: r.int(5) + 1 }, () => [r.pick(["email", "password", "code", "name", "locale", "avatarUrl", "method", junk(r)]), junk(r)]))),
  ])();
}

/** An odd body and its content type; 2% are over a megabyte. */
export function oddBody(r: Random): { type: string; body: Buffer } {
  const type = r.pick(CONTENT_TYPES);
  if (r.chance(0.02)) return { type, body: Buffer.alloc(1_200_000 + r.int(500_000), "a") };
  if (r.chance(0.1)) return { type, body: Buffer.from(Array.from({ length: r.int(2000) }, () => r.int(256))) };
  return { type, body: Buffer.from(jsonJunk(r)) };
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND", "FOO"];

/** A page or route handler, with the odd parts chosen at random. */
export function routeCase(r: Random, target: Target): FuzzCase {
  const api = r.chance(0.45);
  const about = r.pick(api ? target.apis : target.pages);
  const path = fillRoute(about, r) + queryString(r);
  const method = r.chance(0.6) ? (api ? r.pick(METHODS) : "GET") : r.pick(METHODS);
  const headers = oddHeaders(r, target);
  if (method === "GET" || method === "HEAD" ? r.chance(0.05) : r.chance(0.8)) {
    const { type, body } = oddBody(r);
    if (type) headers["content-type"] = type;
    return { kind: api ? "api" : "page", about, method, path, headers, body };
  }
  return { kind: api ? "api" : "page", about, method, path, headers };
}
