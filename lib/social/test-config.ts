import { PrivateTargetError } from "@/lib/connectors/net/guard";
import { ConnectorError } from "@/lib/connectors/types";
import type { ErrorCode } from "@/lib/errors/codes";
import { failWith, type Failure } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";
import { entraDiscoveryFetch } from "./auth-provider";
import { guardedFetch, type SocialTarget } from "./guarded-fetch";
import type { GitHubConfig } from "./providers/github";
import { entraIssuer } from "./providers/microsoft-entra-id";
import type { AnySocialConfig } from "./registry";

/**
 * The console's "Test configuration", with values not yet saved. For the
 * OpenID Connect kinds: read the discovery document through the SSRF guard,
 * check that it names the configured issuer, then present the credentials
 * at its token endpoint with a made-up authorization code. A provider
 * judges the client before the code (RFC 6749 §5.2), so `invalid_client`
 * (or HTTP 401) means the credentials are wrong and `invalid_grant` means
 * they were accepted. GitHub the same way at /login/oauth/access_token:
 * `incorrect_client_credentials` vs `bad_verification_code`. Nothing is
 * signed in and nothing is stored.
 */
export const BOGUS_CODE = "mailgate-configuration-test";

type Outcome = Result<{ message: string }>;

export async function testSocialConfig(connector: AnySocialConfig & { name: string }, callbackUrl: string): Promise<Outcome> {
  const target: SocialTarget = { provider: connector.name, allowPrivateTargets: connector.config.allowPrivateTargets };
  try {
    if (connector.providerId === "github") return await testGitHub(connector.config, callbackUrl, guardedFetch(target), connector.name);
    const issuer = connector.providerId === "microsoft-entra-id" ? entraIssuer(connector.config) : connector.config.issuer;
    const base = guardedFetch(target);
    const fetchFn = connector.providerId === "microsoft-entra-id" ? entraDiscoveryFetch(base) : base;
    return await testOidc({ issuer, clientId: connector.config.clientId, clientSecret: connector.config.clientSecret }, callbackUrl, fetchFn, connector.name);
  } catch (error) {
    return networkFailure(error, connector.name);
  }
}

type OidcClient = { issuer: string; clientId: string; clientSecret: string };

async function testOidc(client: OidcClient, callbackUrl: string, fetchFn: typeof fetch, name: string): Promise<Outcome> {
  const discoveryUrl = `${client.issuer}/.well-known/openid-configuration`;
  const response = await fetchFn(discoveryUrl, { headers: { accept: "application/json" } });
  if (!response.ok) return failWith("social_discovery_failed", `${name}: ${discoveryUrl} answered HTTP ${response.status}; check the issuer URL.`);
  const document = await response.json().catch(() => null) as Record<string, unknown> | null;
  if (!document || typeof document !== "object") return failWith("social_discovery_failed", `${name}: ${discoveryUrl} is not a JSON discovery document.`);
  if (document.issuer !== client.issuer) {
    return failWith(
      "social_issuer_mismatch",
      `${name}: the discovery document names the issuer ${JSON.stringify(String(document.issuer ?? "")).slice(0, 200)}, not ${client.issuer}. Enter the issuer exactly as the document says.`,
    );
  }
  const tokenEndpoint = document.token_endpoint;
  if (typeof tokenEndpoint !== "string" || typeof document.authorization_endpoint !== "string") {
    return failWith("social_discovery_failed", `${name}: the discovery document has no authorization or token endpoint.`);
  }
  const answer = await fetchFn(tokenEndpoint, {
    method: "POST",
    headers: { authorization: basicAuth(client.clientId, client.clientSecret), "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({ grant_type: "authorization_code", code: BOGUS_CODE, redirect_uri: callbackUrl }),
  });
  const body = (await answer.json().catch(() => ({}))) as { error?: unknown; error_description?: unknown };
  if (answer.status === 401 || body.error === "invalid_client" || body.error === "unauthorized_client") {
    return failWith("social_credentials_refused", `${name} refused the client ID or secret${said(body)}.`);
  }
  if (body.error === "invalid_grant") {
    return ok({ message: `${name}: discovery works, the issuer matches, and the token endpoint accepted the client ID and secret. Save to use it.` });
  }
  return ok({
    message: `${name}: discovery works and the issuer matches. The credentials could not be checked (the token endpoint answered HTTP ${answer.status}${said(body)}); a sign-in will tell.`,
  });
}

async function testGitHub(config: GitHubConfig, callbackUrl: string, fetchFn: typeof fetch, name: string): Promise<Outcome> {
  const response = await fetchFn(`${config.baseUrl}/login/oauth/access_token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({ client_id: config.clientId, client_secret: config.clientSecret, code: BOGUS_CODE, redirect_uri: callbackUrl }),
  });
  const body = (await response.json().catch(() => ({}))) as { error?: unknown; error_description?: unknown };
  if (body.error === "incorrect_client_credentials" || response.status === 401) {
    return failWith("social_credentials_refused", `${name} refused the client ID or secret${said(body)}.`);
  }
  if (body.error === "bad_verification_code" || body.error === "redirect_uri_mismatch") {
    return ok({ message: `${name} accepted the client ID and secret. Check that the OAuth app's callback URL is ${callbackUrl}, then save.` });
  }
  return failWith("social_discovery_failed", `${name}: ${config.baseUrl}/login/oauth/access_token did not answer as GitHub does (HTTP ${response.status}); check the GitHub Enterprise Server URL.`);
}

/** A failure before any answer: the guard's refusal, an unknown host, a timeout. */
function networkFailure(error: unknown, name: string): Failure {
  if (!(error instanceof ConnectorError)) {
    console.error("mailgate: social configuration test failed unexpectedly", error);
    return failWith("social_unreachable", `${name} could not be reached.`);
  }
  const code: ErrorCode = error instanceof PrivateTargetError ? "social_private_target" : error.code === "provider_error" ? "social_discovery_failed" : "social_unreachable";
  return failWith(code, error.message);
}

const said = (body: { error?: unknown; error_description?: unknown }) =>
  typeof body.error === "string" ? `: ${body.error}${typeof body.error_description === "string" ? ` (${body.error_description.slice(0, 300)})` : ""}` : "";

const form = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");

/** client_secret_basic as RFC 6749 §2.3.1 says: each part form-encoded first. */
const basicAuth = (id: string, secret: string) => `Basic ${Buffer.from(`${form(id)}:${form(secret)}`).toString("base64")}`;
