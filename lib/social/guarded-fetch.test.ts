import { customFetch } from "@auth/core";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { dns, PrivateTargetError } from "@/lib/connectors/net/guard";
import { startProviderServer, type ProviderServer } from "@/lib/connectors/test-server";
import { toAuthProvider, type SocialConnectorForAuth } from "./auth-provider";
import { guardedFetch } from "./guarded-fetch";
import { socialProviders } from "./registry";
import { testSocialConfig } from "./test-config";

/**
 * The SSRF guard on every URL a social connector reaches: the issuer's
 * discovery document, and the token, userinfo and JWKS endpoints it names
 * (next-auth calls them through the provider's `[customFetch]`). Checked on
 * the resolved address, before any connection.
 */
let server: ProviderServer;
beforeAll(async () => {
  server = await startProviderServer(() => ({ status: 200, body: { ok: true } }));
});
afterAll(() => server.close());
afterEach(() => vi.restoreAllMocks());

const oidc = (issuer: string, allowPrivateTargets = false): SocialConnectorForAuth & { providerId: "oidc" } => ({
  id: "acme",
  name: "Acme SSO",
  providerId: "oidc",
  config: socialProviders.oidc.configSchema.parse({ issuer, clientId: "c", clientSecret: "s", allowPrivateTargets }),
});

/** The fetch next-auth will use for this connector's requests. */
const providerFetch = (connector: SocialConnectorForAuth) => (toAuthProvider(connector) as unknown as Record<symbol, typeof fetch>)[customFetch]!;

describe("the social providers' fetch", () => {
  it.each([
    ["loopback", "http://127.0.0.1:9/token"],
    ["IPv6 loopback", "http://[::1]:9/userinfo"],
    ["private", "https://10.1.2.3/.well-known/openid-configuration"],
    ["link-local (cloud metadata)", "http://169.254.169.254/latest/meta-data/"],
    ["IPv4-mapped private", "http://[::ffff:192.168.0.1]/jwks"],
  ])("refuses a %s target before connecting", async (_kind, url) => {
    await expect(providerFetch(oidc("https://id.example.com"))(url)).rejects.toBeInstanceOf(PrivateTargetError);
  });

  it("judges a host name by the address it resolves to", async () => {
    const resolve = vi.spyOn(dns, "resolve").mockResolvedValue([{ address: "169.254.169.254", family: 4 }]);
    const refused = providerFetch(oidc("https://id.example.com"))("https://tokens.example.com/token", { method: "POST" });
    await expect(refused).rejects.toThrow(/Acme SSO host tokens\.example\.com resolves to a link-local address.*\(169\.254\.169\.254\)/);
    expect(resolve).toHaveBeenCalledWith("tokens.example.com");
    expect(server.requests).toHaveLength(0);
  });

  it("connects to the checked address only (a name resolving to loopback is allowed only when private targets are)", async () => {
    vi.spyOn(dns, "resolve").mockResolvedValue([{ address: "127.0.0.1", family: 4 }]);
    const url = `http://issuer.test:${new URL(server.url).port}/userinfo`;
    await expect(guardedFetch({ provider: "Acme", allowPrivateTargets: false })(url)).rejects.toBeInstanceOf(PrivateTargetError);
    const response = await guardedFetch({ provider: "Acme", allowPrivateTargets: true })(url);
    expect(await response.json()).toEqual({ ok: true });
    expect(server.requests.at(-1)?.headers.host).toBe(`issuer.test:${new URL(server.url).port}`);
  });

  it("does not follow a redirect to another host", async () => {
    server.respond(() => ({ status: 302, headers: { location: "http://169.254.169.254/" } }));
    const response = await guardedFetch({ provider: "Acme", allowPrivateTargets: true })(`${server.url}/.well-known/openid-configuration`);
    expect(response.status).toBe(302);
    server.respond(() => ({ status: 200, body: { ok: true } }));
  });

  it("is what every kind of provider hands next-auth", () => {
    const configs = {
      github: { clientId: "c", clientSecret: "s" },
      google: { clientId: "c", clientSecret: "s" },
      "microsoft-entra-id": { clientId: "c", clientSecret: "s" },
      oidc: { issuer: "https://id.example.com", clientId: "c", clientSecret: "s" },
    } as const;
    for (const providerId of Object.keys(configs) as (keyof typeof configs)[]) {
      const config = socialProviders[providerId].configSchema.parse(configs[providerId]);
      const provider = toAuthProvider({ id: providerId, name: providerId, providerId, config } as SocialConnectorForAuth) as unknown as Record<string | symbol, unknown>;
      expect(typeof provider[customFetch], providerId).toBe("function");
      expect(provider.id).toBe(providerId);
      expect(provider.checks).toEqual(providerId === "github" ? ["pkce", "state"] : ["pkce", "state", "nonce"]);
    }
  });
});

describe("the configuration test's guard", () => {
  it("refuses a loopback issuer without reading it, with its own code", async () => {
    const before = server.requests.length;
    const result = await testSocialConfig(oidc(server.url.replace("http:", "https:")), "http://127.0.0.1:3000/api/auth/callback/acme");
    expect(result).toMatchObject({ ok: false, code: "social_private_target" });
    expect(!result.ok && result.formError).toMatch(/Acme SSO 127\.0\.0\.1 is a loopback address; enable "Allow private network targets"/);
    expect(server.requests).toHaveLength(before);
  });

  it("reaches the token endpoint the discovery document names through the guard too", async () => {
    const issuer = `http://issuer.test:${new URL(server.url).port}`;
    server.respond(() => ({ status: 200, body: { issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: "https://tokens.test/token" } }));
    const resolve = vi.spyOn(dns, "resolve").mockImplementation(async (host) => {
      if (host === "issuer.test") return [{ address: "127.0.0.1", family: 4 }];
      throw Object.assign(new Error(`no address for ${host}`), { code: "ENOTFOUND" });
    });
    const result = await testSocialConfig(oidc(issuer, true), "http://127.0.0.1:3000/api/auth/callback/acme");
    expect(resolve.mock.calls.map(([host]) => host)).toEqual(["issuer.test", "tokens.test"]);
    expect(result).toMatchObject({ ok: false, code: "social_unreachable" });
    expect(!result.ok && result.formError).toMatch(/tokens\.test was not found/);
    server.respond(() => ({ status: 200, body: { ok: true } }));
  });
});
