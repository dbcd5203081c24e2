import { describe, expect, it } from "vitest";
import { safeReturnPath, sameOriginRedirect } from "./safe-redirect";

const APP = "https://auth.acme.test";

describe("sameOriginRedirect (next-auth's redirect callback)", () => {
  it.each([
    ["/account", "https://auth.acme.test/account"],
    ["/?deleted=1", "https://auth.acme.test/?deleted=1"],
    ["https://auth.acme.test/account", "https://auth.acme.test/account"],
    // Built from a forged Host or a port Next chose: not APP_URL, so home.
    ["http://localhost:3000/account", "https://auth.acme.test/"],
    ["https://evil.test/", "https://auth.acme.test/"],
    ["//evil.test/x", "https://auth.acme.test/"],
    ["/\\evil.test", "https://auth.acme.test/"],
    ["javascript:alert(1)", "https://auth.acme.test/"],
    // next-auth's default callback throws on these (a 500).
    ["http://[", "https://auth.acme.test/"],
    ["%ff", "https://auth.acme.test/"],
    [":::", "https://auth.acme.test/"],
    ["account", "https://auth.acme.test/"],
  ])("%j → %j", (url, expected) => {
    expect(sameOriginRedirect(url, APP)).toBe(expected);
  });
});

describe("safeReturnPath (where a sign-in comes back to)", () => {
  it.each(["/invite/abc_DEF-123", "/account/security?x=1", "/orgs/acme#members", "/"])("keeps %j", (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });
  it.each([
    "https://evil.test/", "//evil.test/x", "/\\evil.test", "/a\r\nSet-Cookie: x=1", "invite/x", "",
    "javascript:alert(1)", "/sign-in?next=/invite/x", "/sign-up", "/forgot-password/reset", "/api/auth/signout", `/${"a".repeat(600)}`,
  ])("refuses %j", (path) => {
    expect(safeReturnPath(path)).toBeNull();
  });
  it("refuses what is not text", () => {
    expect(safeReturnPath(undefined)).toBeNull();
    expect(safeReturnPath(["/account"])).toBeNull();
  });
});
