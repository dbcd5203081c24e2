import { describe, expect, it } from "vitest";
import { safeNext, verifyHref } from "./safe-next";

describe("safeNext", () => {
  it.each(["/account", "/account/email", "/account/sessions?x=1", "/account#top", "/account/security?required=1", "/console/admins", "/orgs/acme-2/settings", "/orgs/acme/settings?x=1"])("keeps %s", (path) => {
    expect(safeNext(path)).toBe(path);
  });

  it.each([
    undefined, "", "account", "/", "/console", "/accounts", "/account-x", "https://evil.test/account", "//evil.test/account",
    "/account//evil.test", "/account/\\evil.test", "/\\evil.test", "/account/verify", "/account/verify?next=/account", "/account\n/x",
    `/account/${"a".repeat(300)}`, "/console/admins/x", "/console/adminsx", "/console/connectors",
    "/orgs", "/orgs/acme", "/orgs/acme/settings/x", "/orgs/acme/settingsx", "/orgs/Acme/settings", "/orgs//settings", "/orgs/a.b/settings",
  ])("turns %j into /account", (raw) => {
    expect(safeNext(raw)).toBe("/account");
  });

  it("encodes the return path", () => {
    expect(verifyHref("/account/sessions?a=1&b=2")).toBe("/account/verify?next=%2Faccount%2Fsessions%3Fa%3D1%26b%3D2");
    expect(verifyHref("https://evil.test")).toBe("/account/verify?next=%2Faccount");
  });
});
