import { describe, expect, it } from "vitest";
import { toSocialProfile } from "./profile";

describe("toSocialProfile", () => {
  it("reads OpenID Connect claims, verified only with email_verified true", () => {
    const claims = { sub: "abc", email: "Alice@X.test", email_verified: true, name: "Alice", picture: "https://img.test/a.png" };
    expect(toSocialProfile("acme", "oidc", { providerAccountId: "abc" }, claims)).toEqual({
      connectorId: "acme", subject: "abc", email: "alice@x.test", emailVerified: true, name: "Alice", image: "https://img.test/a.png",
    });
    for (const email_verified of [false, undefined, "false", "yes", 0]) {
      expect(toSocialProfile("acme", "oidc", null, { ...claims, email_verified }).emailVerified, String(email_verified)).toBe(false);
    }
  });

  it("accepts Google's older string form of email_verified, and needs an address to be verified", () => {
    expect(toSocialProfile("google", "google", null, { sub: "1", email: "a@gmail.com", email_verified: "true" }).emailVerified).toBe(true);
    expect(toSocialProfile("google", "google", null, { sub: "1", email_verified: true })).toMatchObject({ email: null, emailVerified: false });
  });

  it("treats Entra's email as unverified unless xms_edov says the tenant owns its domain", () => {
    const claims = { sub: "pairwise-sub", oid: "oid-1", tid: "tid-1", email: "bob@contoso.test", preferred_username: "bob@contoso.test", name: "Bob" };
    expect(toSocialProfile("ms", "microsoft-entra-id", null, claims)).toMatchObject({ subject: "pairwise-sub", email: "bob@contoso.test", emailVerified: false });
    expect(toSocialProfile("ms", "microsoft-entra-id", null, { ...claims, email_verified: true }).emailVerified).toBe(false);
    expect(toSocialProfile("ms", "microsoft-entra-id", null, { ...claims, xms_edov: true }).emailVerified).toBe(true);
    expect(toSocialProfile("ms", "microsoft-entra-id", null, { ...claims, xms_edov: false }).emailVerified).toBe(false);
    // preferred_username is a sign-in name, never taken for an address.
    expect(toSocialProfile("ms", "microsoft-entra-id", null, { sub: "s", preferred_username: "carol@contoso.test", xms_edov: true })).toMatchObject({ email: null, emailVerified: false });
  });

  it("reads GitHub's numeric id, login and avatar, verified only as our GitHub profile says", () => {
    const profile = { id: 583231, login: "octocat", name: null, avatar_url: "https://avatars.test/u/583231", email: "octo@x.test", email_verified: false };
    expect(toSocialProfile("github", "github", { providerAccountId: "583231" }, profile)).toEqual({
      connectorId: "github", subject: "583231", email: "octo@x.test", emailVerified: false, name: "octocat", image: "https://avatars.test/u/583231",
    });
    expect(toSocialProfile("github", "github", null, { ...profile, email_verified: true }).emailVerified).toBe(true);
  });

  it("refuses a profile without a subject", () => {
    expect(() => toSocialProfile("acme", "oidc", null, { email: "a@x.test" })).toThrow(/no subject/);
  });
});
