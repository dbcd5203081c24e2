import { describe, expect, it } from "vitest";
import { forNextAuth, safeCallbackCookie } from "./next-auth-request";

const APP = "https://auth.acme.test";

describe("forNextAuth", () => {
  it("moves the request onto APP_URL, keeping path, query, method, headers and body", async () => {
    const req = new Request("http://localhost:3000/api/auth/callback/ticket?x=1", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", host: "evil.test" },
      body: "ticket=t",
    });
    const moved = forNextAuth(req, APP);
    expect(moved.url).toBe("https://auth.acme.test/api/auth/callback/ticket?x=1");
    expect(moved.method).toBe("POST");
    expect(await moved.text()).toBe("ticket=t");
  });

  it("keeps 127.0.0.1 (NextRequest would make it localhost)", () => {
    expect(forNextAuth(new Request("http://localhost:3100/api/auth/session"), "http://127.0.0.1:3100").url).toBe("http://127.0.0.1:3100/api/auth/session");
  });

  it.each([
    ["%ff", "https://auth.acme.test/"],
    ["http://[", "https://auth.acme.test/"],
    ["https://evil.test/", "https://auth.acme.test/"],
    ["/account", "/account"],
  ])("callbackUrl=%s becomes %s", (value, expected) => {
    const req = new Request(`http://localhost:3000/api/auth/signin?callbackUrl=${encodeURIComponent(value)}`);
    expect(new URL(forNextAuth(req, APP).url).searchParams.get("callbackUrl")).toBe(expected);
  });
});

describe("safeCallbackCookie", () => {
  it("replaces a callback-url that is not a URL on APP_URL, leaving the other cookies alone", () => {
    expect(safeCallbackCookie("a=1; authjs.callback-url=%ff; b=2", APP)).toBe(`a=1; authjs.callback-url=${encodeURIComponent(`${APP}/`)}; b=2`);
    expect(safeCallbackCookie("__Secure-authjs.callback-url=http://[", APP)).toBe(`__Secure-authjs.callback-url=${encodeURIComponent(`${APP}/`)}`);
    expect(safeCallbackCookie("authjs.callback-url=https%3A%2F%2Fevil.test", APP)).toContain(encodeURIComponent(`${APP}/`));
  });

  it("leaves a good one, and a header without it, untouched", () => {
    expect(safeCallbackCookie(`authjs.callback-url=${encodeURIComponent(`${APP}/account`)}`, APP)).toBeNull();
    expect(safeCallbackCookie("a=1; b=2", APP)).toBeNull();
    expect(safeCallbackCookie(null, APP)).toBeNull();
  });
});
