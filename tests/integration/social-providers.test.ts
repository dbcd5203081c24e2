import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProviderServer, type ProviderServer } from "@/lib/connectors/test-server";
import { toAuthProvider, type SocialConnectorForAuth } from "@/lib/social/auth-provider";
import { toSocialProfile } from "@/lib/social/profile";
import { socialProviders } from "@/lib/social/registry";
import { testSocialConfig } from "@/lib/social/test-config";
import type { SocialProviderId } from "@/lib/social/types";
import { runSocialSignIn } from "../providers/auth-flow";
import { startGitHubServer, type GitHubTestServer } from "../providers/github";
import { startOidcServer, type OidcTestServer } from "../providers/oidc";

/**
 * The social connectors against real providers on loopback: oidc-provider
 * playing a plain OpenID Connect issuer, Google and Entra ID, and a server
 * answering as GitHub documents. The configuration test with good and bad
 * credentials, and a whole sign-in through next-auth's own code with each
 * connector's provider config. Nothing of ours is replaced.
 */
let oidc: OidcTestServer;
let github: GitHubTestServer;
let stranger: ProviderServer;
const CALLBACK = (id: string) => `http://127.0.0.1:3000/api/auth/callback/${id}`;
const SECRET = "integration-client-secret";

beforeAll(async () => {
  [oidc, github, stranger] = await Promise.all([startOidcServer(), startGitHubServer(), startProviderServer()]);
  for (const id of ["acme", "google", "microsoft", "github"]) oidc.addClient({ clientId: id, clientSecret: SECRET, redirectUris: [CALLBACK(id)] });
  github.addClient({ clientId: "github", clientSecret: SECRET, callbackUrl: CALLBACK("github") });
});
afterAll(async () => {
  await Promise.all([oidc.close(), github.close(), stranger.close()]);
});

/** The connector as saved, for each kind, pointed at the local servers. */
function connector(providerId: SocialProviderId, overrides: Record<string, unknown> = {}): SocialConnectorForAuth {
  const ids: Record<SocialProviderId, string> = { oidc: "acme", google: "google", "microsoft-entra-id": "microsoft", github: "github" };
  const id = ids[providerId];
  const where: Record<SocialProviderId, Record<string, unknown>> = {
    oidc: { issuer: oidc.issuers.oidc },
    google: { issuer: oidc.issuers.google },
    "microsoft-entra-id": { tenant: oidc.entra.tenantId, authorityHost: oidc.entra.authorityHost },
    github: { baseUrl: github.origin },
  };
  const config = socialProviders[providerId].configSchema.parse({ clientId: id, clientSecret: SECRET, allowPrivateTargets: true, ...where[providerId], ...overrides });
  return { id, name: `Test ${id}`, providerId, config } as SocialConnectorForAuth;
}

const KINDS: SocialProviderId[] = ["oidc", "google", "microsoft-entra-id", "github"];

describe("testing a social configuration", () => {
  it.each(KINDS)("%s: good credentials pass", async (kind) => {
    const c = connector(kind);
    const result = await testSocialConfig(c, CALLBACK(c.id));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(result.ok && result.value.message).toMatch(/accepted the client ID and secret/);
  });

  it.each(KINDS)("%s: a wrong secret is refused as such", async (kind) => {
    const c = connector(kind, { clientSecret: "wrong-secret" });
    const result = await testSocialConfig(c, CALLBACK(c.id));
    expect(result).toMatchObject({ ok: false, code: "social_credentials_refused" });
    expect(!result.ok && result.formError).toMatch(/refused the client ID or secret: (invalid_client|incorrect_client_credentials)/);
    expect(!result.ok && result.formError).not.toContain("wrong-secret");
  });

  it("an unknown client id is refused as such", async () => {
    const result = await testSocialConfig(connector("oidc", { clientId: "nobody" }), CALLBACK("acme"));
    expect(result).toMatchObject({ ok: false, code: "social_credentials_refused" });
  });

  it("an issuer that does not answer says so", async () => {
    const closed = await startProviderServer();
    const url = closed.url;
    await closed.close();
    const result = await testSocialConfig(connector("oidc", { issuer: url }), CALLBACK("acme"));
    expect(result).toMatchObject({ ok: false, code: "social_unreachable" });
    expect(!result.ok && result.formError).toMatch(/Could not reach Test acme at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  it("an issuer without a discovery document says so", async () => {
    const result = await testSocialConfig(connector("oidc", { issuer: `${oidc.origin}/nothing-here` }), CALLBACK("acme"));
    expect(result).toMatchObject({ ok: false, code: "social_discovery_failed" });
    expect(!result.ok && result.formError).toMatch(/answered HTTP 404; check the issuer URL/);
  });

  it("a discovery document for another issuer says so", async () => {
    stranger.respond(() => ({ status: 200, body: { issuer: "https://someone-else.test", authorization_endpoint: "x", token_endpoint: "y" } }));
    const result = await testSocialConfig(connector("oidc", { issuer: stranger.url }), CALLBACK("acme"));
    expect(result).toMatchObject({ ok: false, code: "social_issuer_mismatch" });
    expect(!result.ok && result.formError).toContain('"https://someone-else.test"');
  });

  it("a GitHub Enterprise URL that is not GitHub says so", async () => {
    stranger.respond(() => ({ status: 404, body: "Not Found" }));
    const result = await testSocialConfig(connector("github", { baseUrl: stranger.url }), CALLBACK("github"));
    expect(result).toMatchObject({ ok: false, code: "social_discovery_failed" });
  });

  it("the local issuer is refused without Allow private network targets", async () => {
    const issuer = oidc.issuers.google.replace("http:", "https:");
    const result = await testSocialConfig(connector("google", { issuer, allowPrivateTargets: false }), CALLBACK("google"));
    expect(result).toMatchObject({ ok: false, code: "social_private_target" });
  });
});

describe("a sign-in through next-auth with each connector's provider config", () => {
  it.each(KINDS)("%s: a verified address comes back verified, with a stable subject", async (kind) => {
    const c = connector(kind);
    const first = await runSocialSignIn(toAuthProvider(c), c.id, { action: "login", login: "alice@x.test" });
    expect(first.finalUrl).toBe("http://127.0.0.1:3000/");
    const profile = toSocialProfile(c.id, kind, first.signIn!.account as { providerAccountId: string }, first.signIn!.profile);
    expect(profile).toMatchObject({ connectorId: c.id, email: "alice@x.test", emailVerified: true, name: "Alice" });
    expect(first.signIn!.user.email).toBe("alice@x.test");
    const again = await runSocialSignIn(toAuthProvider(c), c.id, { action: "login", login: "alice@x.test" });
    expect(toSocialProfile(c.id, kind, again.signIn!.account as { providerAccountId: string }, again.signIn!.profile).subject).toBe(profile.subject);
  });

  it.each(KINDS)("%s: an unverified address comes back unverified, and next-auth's user has none", async (kind) => {
    const c = connector(kind);
    const outcome = await runSocialSignIn(toAuthProvider(c), c.id, { action: "login", login: "unverified:bob@x.test" });
    expect(toSocialProfile(c.id, kind, outcome.signIn!.account as { providerAccountId: string }, outcome.signIn!.profile)).toMatchObject({ email: "bob@x.test", emailVerified: false });
    expect(outcome.signIn!.user.email ?? null).toBeNull();
  });

  it.each(KINDS)("%s: an account without an address has none", async (kind) => {
    const c = connector(kind);
    const outcome = await runSocialSignIn(toAuthProvider(c), c.id, { action: "login", login: "noemail:carol" });
    expect(toSocialProfile(c.id, kind, outcome.signIn!.account as { providerAccountId: string }, outcome.signIn!.profile)).toMatchObject({ email: null, emailVerified: false, name: "Carol" });
  });

  it.each(KINDS)("%s: denying at the provider never reaches the signIn callback", async (kind) => {
    const c = connector(kind);
    const outcome = await runSocialSignIn(toAuthProvider(c), c.id, { action: "deny" });
    expect(outcome.signIn).toBeNull();
    expect(outcome.finalUrl).toMatch(/error=/);
  });

  it("GitHub sends a redirect_uri outside the app's callback URL back to the registered one with redirect_uri_mismatch", async () => {
    github.addClient({ clientId: "github-elsewhere", clientSecret: SECRET, callbackUrl: "http://127.0.0.1:3000/somewhere-else" });
    const c = connector("github", { clientId: "github-elsewhere" });
    const outcome = await runSocialSignIn(toAuthProvider(c), c.id, { action: "authorize", login: "alice@x.test" });
    expect(outcome.signIn).toBeNull();
    expect(outcome.finalUrl).toMatch(/^http:\/\/127\.0\.0\.1:3000\/somewhere-else\?error=redirect_uri_mismatch/);
  });

  it.each(KINDS)("%s: sends PKCE (S256) and state, and a nonce for OpenID Connect", async (kind) => {
    const c = connector(kind);
    const { authorizationUrl } = await runSocialSignIn(toAuthProvider(c), c.id, { action: "deny" });
    const url = new URL(authorizationUrl);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toBeTruthy();
    expect(url.searchParams.get("state")).toBeTruthy();
    expect(url.searchParams.get("redirect_uri")).toBe(CALLBACK(c.id));
    expect(url.searchParams.get("scope")).toBe(socialProviders[kind].scopes.join(" "));
    expect(Boolean(url.searchParams.get("nonce"))).toBe(kind !== "github");
  });
});
