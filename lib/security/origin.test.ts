import { describe, expect, it } from "vitest";
import { checkRequestOrigin, isServerToServerPath } from "./origin";
import { securityHeaders } from "./headers";

const APP_URL = "https://auth.acme.test";
const req = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers(headers) });

describe("checkRequestOrigin", () => {
  it.each([
    ["same-origin POST", req("POST", { origin: "https://auth.acme.test", "sec-fetch-site": "same-origin" }), true],
    ["cross-site POST", req("POST", { origin: "https://evil.test", "sec-fetch-site": "cross-site" }), false],
    ["same-site but other origin", req("POST", { origin: "https://app.acme.test", "sec-fetch-site": "same-site" }), false],
    ["cross-site without Origin", req("POST", { "sec-fetch-site": "cross-site" }), false],
    ["foreign Origin, old browser", req("POST", { origin: "https://evil.test" }), false],
    ["neither header", req("POST", {}), false],
    ["API client with our Origin", req("POST", { origin: "https://auth.acme.test" }), true],
    ["GET is never refused", req("GET", { "sec-fetch-site": "cross-site" }), true],
    // The Host header is the client's to choose: it must not vouch for its own Origin.
    ["Origin matching a forged Host", req("POST", { host: "evil.test", origin: "http://evil.test", "sec-fetch-site": "same-origin" }), false],
    ["Origin matching a forged X-Forwarded-Host", req("POST", { "x-forwarded-host": "evil.test", "x-forwarded-proto": "https", origin: "https://evil.test" }), false],
    ["APP_URL's host over the other scheme", req("POST", { host: "auth.acme.test", origin: "http://auth.acme.test" }), false],
  ])("%s", (_, request, expected) => {
    expect(checkRequestOrigin(request, APP_URL).allowed).toBe(expected);
  });
});

describe("isServerToServerPath", () => {
  it("covers the provider webhooks only", () => {
    expect(isServerToServerPath("/api/webhooks/sendgrid")).toBe(true);
    expect(isServerToServerPath("/api/webhooks")).toBe(false);
    expect(isServerToServerPath("/api/my-account")).toBe(false);
    expect(isServerToServerPath("/console/webhooks")).toBe(false);
  });
});

describe("securityHeaders", () => {
  it("denies framing, sets a nonce CSP, and HSTS only over https", () => {
    const h = securityHeaders("abc", { dev: false, https: true });
    expect(h["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(h["Content-Security-Policy"]).toContain("'nonce-abc'");
    expect(h["Content-Security-Policy"]).not.toContain("unsafe-eval");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(securityHeaders("abc", { dev: false, https: false })["Strict-Transport-Security"]).toBeUndefined();
  });
});
