import { describe, expect, it } from "vitest";
import { sameOriginRedirect } from "./safe-redirect";

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
