import { describe, expect, it } from "vitest";
import { safeNext, verifyHref } from "./safe-next";

describe("safeNext", () => {
  it.each(["/account", "/account/email", "/account/sessions?x=1", "/account#top", "/account/security?required=1", "/console/admins"])("keeps %s", (path) => {
    expect(safeNext(path)).toBe(path);
  });

  it.each([
    undefined, "", "account", "/", "/console", "/accounts", "/account-x", "https://evil.test/account", "//evil.test/account",
    "/account//evil.test", "/account/\\evil.test", "/\\evil.test", "/account/verify", "/account/verify?next=/account", "/account\n/x",
    `/account/${"a".repeat(300)}`, "/console/admins/x", "/console/adminsx", "/console/connectors",
  ])("turns %j into /account", (raw) => {
    expect(safeNext(raw)).toBe("/account");
  });

  it("encodes the return path", () => {
    expect(verifyHref("/account/sessions?a=1&b=2")).toBe("/account/verify?next=%2Faccount%2Fsessions%3Fa%3D1%26b%3D2");
    expect(verifyHref("https://evil.test")).toBe("/account/verify?next=%2Faccount");
  });
});
