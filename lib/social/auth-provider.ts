import { customFetch } from "@auth/core";
import type { OAuthConfig, OIDCConfig } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import { fetchGitHubProfile, type GitHubProfile } from "./github-userinfo";
import { guardedFetch } from "./guarded-fetch";
import { entraVerified, oidcVerified } from "./profile";
import { githubApiBase, type GitHubConfig } from "./providers/github";
import type { GoogleConfig } from "./providers/google";
import { entraIssuer, type EntraConfig } from "./providers/microsoft-entra-id";
import type { OidcConfig } from "./providers/oidc";
import { socialProviders, type AnySocialConfig } from "./registry";

/**
 * A saved connector as next-auth's provider config, built on next-auth's
 * own providers. Our parts on top of them:
 * - `[customFetch]`: every request (discovery, token, userinfo, JWKS) goes
 *   through the SSRF guard (guarded-fetch.ts).
 * - id = the connector's id (so its callback is /api/auth/callback/<id>),
 *   name = its button label.
 * - checks: PKCE and state always; nonce too for OpenID Connect.
 * - GitHub: the profile's address is the primary verified one (github-userinfo.ts).
 * - Entra: no Microsoft Graph photo request (next-auth's default would
 *   fetch graph.microsoft.com unguarded).
 * - The `email` next-auth sees is only a verified one; toSocialProfile
 *   (profile.ts) reads the raw claims for the rest.
 */
export type SocialConnectorForAuth = AnySocialConfig & { id: string; name: string };

type AnyProvider = OAuthConfig<Record<string, unknown>> | OIDCConfig<Record<string, unknown>>;

const OIDC_CHECKS: OIDCConfig<never>["checks"] = ["pkce", "state", "nonce"];

export function toAuthProvider(connector: SocialConnectorForAuth): AnyProvider {
  const target = { provider: connector.name, allowPrivateTargets: connector.config.allowPrivateTargets };
  switch (connector.providerId) {
    case "github":
      return githubProvider(connector.id, connector.name, connector.config, guardedFetch(target));
    case "google":
      return googleProvider(connector.id, connector.name, connector.config, guardedFetch(target));
    case "microsoft-entra-id":
      return entraProvider(connector.id, connector.name, connector.config, guardedFetch(target));
    case "oidc":
      return oidcProvider(connector.id, connector.name, connector.config, guardedFetch(target));
  }
}

function githubProvider(id: string, name: string, config: GitHubConfig, fetchFn: typeof fetch): AnyProvider {
  const apiBase = githubApiBase(config);
  const base = GitHub({ clientId: config.clientId, clientSecret: config.clientSecret });
  return {
    ...base,
    id,
    name,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    issuer: `${config.baseUrl}/login/oauth`,
    authorization: { url: `${config.baseUrl}/login/oauth/authorize`, params: { scope: socialProviders.github.scopes.join(" ") } },
    token: `${config.baseUrl}/login/oauth/access_token`,
    userinfo: {
      url: `${apiBase}/user`,
      request: ({ tokens }: { tokens: { access_token?: string } }) => fetchGitHubProfile(apiBase, tokens.access_token ?? "", fetchFn),
    },
    profile: (profile: GitHubProfile) => ({
      id: String(profile.id),
      name: profile.name ?? profile.login,
      email: profile.email_verified ? profile.email : null,
      image: profile.avatar_url,
    }),
    checks: ["pkce", "state"],
    options: undefined,
    [customFetch]: fetchFn,
  } as unknown as AnyProvider;
}

/** OpenID Connect claims → next-auth's user, with the address only when verified. */
const oidcUser = (verified: (claims: Record<string, unknown>) => boolean) => (claims: Record<string, unknown>) => ({
  id: String(claims.sub),
  name: typeof claims.name === "string" ? claims.name : null,
  email: verified(claims) && typeof claims.email === "string" ? claims.email : null,
  image: typeof claims.picture === "string" ? claims.picture : null,
});

function googleProvider(id: string, name: string, config: GoogleConfig, fetchFn: typeof fetch): AnyProvider {
  return {
    ...Google({ clientId: config.clientId, clientSecret: config.clientSecret }),
    id,
    name,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    issuer: config.issuer,
    authorization: { params: { scope: socialProviders.google.scopes.join(" ") } },
    checks: OIDC_CHECKS,
    profile: oidcUser(oidcVerified),
    options: undefined,
    [customFetch]: fetchFn,
  } as unknown as AnyProvider;
}

function entraProvider(id: string, name: string, config: EntraConfig, fetchFn: typeof fetch): AnyProvider {
  const issuer = entraIssuer(config);
  return {
    // Keeps next-auth's Entra handling (re-reading discovery for the signed-in tenant, `tid`).
    ...MicrosoftEntraID({ clientId: config.clientId, clientSecret: config.clientSecret, issuer }),
    id,
    name,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    issuer,
    // Without next-auth's User.Read: no Microsoft Graph call is made.
    authorization: { params: { scope: socialProviders["microsoft-entra-id"].scopes.join(" ") } },
    checks: OIDC_CHECKS,
    profile: oidcUser(entraVerified),
    options: undefined,
    [customFetch]: entraDiscoveryFetch(fetchFn),
  } as unknown as AnyProvider;
}

/**
 * Multi-tenant discovery documents (common, organizations, consumers) name
 * their issuer `https://login.microsoftonline.com/{tenantid}/v2.0`; the
 * tenant in the discovery URL stands in for it, so the issuer check passes
 * (next-auth's Entra provider does the same, with an unguarded fetch).
 */
export function entraDiscoveryFetch(fetchFn: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetchFn(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    const tenant = /\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname)?.[1];
    if (!tenant || !response.ok) return response;
    const json = (await response.json()) as Record<string, unknown>;
    const issuer = typeof json.issuer === "string" ? json.issuer.replace("{tenantid}", tenant) : json.issuer;
    return Response.json({ ...json, issuer }, { status: response.status, headers: { "cache-control": response.headers.get("cache-control") ?? "no-store" } });
  };
}

function oidcProvider(id: string, name: string, config: OidcConfig, fetchFn: typeof fetch): AnyProvider {
  return {
    id,
    name,
    type: "oidc",
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: socialProviders.oidc.scopes.join(" ") } },
    checks: OIDC_CHECKS,
    profile: oidcUser(oidcVerified),
    [customFetch]: fetchFn,
  } as unknown as AnyProvider;
}
