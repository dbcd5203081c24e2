import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseLogin } from "./oidc-accounts";
import { readForm } from "./oidc-interaction";

/**
 * GitHub (as GitHub Enterprise Server, so a connector's base URL can point
 * at it) on a loopback port, answering as GitHub documents:
 *
 * - GET  /login/oauth/authorize      a consent page: who you are at GitHub (a login
 *                                    name, as for the OIDC test provider), Authorize or
 *                                    Deny → redirect with `code` or `error=access_denied`,
 *                                    `state` echoed
 * - POST /login/oauth/access_token   form or JSON by the Accept header; errors with
 *                                    HTTP 200 and GitHub's bodies (`incorrect_client_credentials`,
 *                                    `bad_verification_code`, `redirect_uri_mismatch`)
 * - GET  /api/v3/user                the profile (its `email` is the public one, verified or not)
 * - GET  /api/v3/user/emails         every address with `verified` and `primary` (needs `user:email`)
 *
 * https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps,
 * https://docs.github.com/en/rest/users/users#get-the-authenticated-user,
 * https://docs.github.com/en/rest/users/emails#list-email-addresses-for-the-authenticated-user
 *
 * Login names: `alice@x.test` (primary address verified), `unverified:bob@x.test`
 * (primary not verified; a second verified address that is not primary),
 * `noemail:carol` (no address at all).
 */
export type GitHubTestClient = {
  clientId: string;
  clientSecret: string;
  /** The OAuth app's "Authorization callback URL"; a redirect_uri must be it or under it (same host and port). Absent: any. */
  callbackUrl?: string;
};

export type GitHubTestServer = {
  /** The GitHub Enterprise base URL a connector sets to use this server. */
  origin: string;
  addClient(client: GitHubTestClient): void;
  close(): Promise<void>;
};

const CLIENTS_PATH = "/__test/clients";
const DOCS = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors";

type Grant = { clientId: string; login: string; scope: string; redirectUri: string | null; challenge: string | null; expires: number };

/** GitHub's numeric user id for a login name: stable, like the real one. */
export function githubUserId(login: string): number {
  return Number.parseInt(createHash("sha256").update(login.trim()).digest("hex").slice(0, 8), 16);
}

export async function startGitHubServer(options: { port?: number } = {}): Promise<GitHubTestServer> {
  const clients = new Map<string, GitHubTestClient>();
  const codes = new Map<string, Grant>();
  const tokens = new Map<string, { login: string; scope: string }>();

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(error instanceof Error ? error.message : String(error));
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://github.test");
    if (req.method === "POST" && url.pathname === CLIENTS_PATH) {
      const client = JSON.parse((await readForm(req, "raw")) as string) as GitHubTestClient;
      clients.set(client.clientId, client);
      return void res.writeHead(201).end();
    }
    if (url.pathname === "/login/oauth/authorize") return authorize(req, res, url);
    if (req.method === "POST" && url.pathname === "/login/oauth/access_token") return accessToken(req, res);
    if (req.method === "GET" && (url.pathname === "/api/v3/user" || url.pathname === "/api/v3/user/emails")) return api(req, res, url.pathname);
    json(res, 404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
  }

  async function authorize(req: IncomingMessage, res: ServerResponse, url: URL) {
    const query = req.method === "POST" ? ((await readForm(req, "form")) as URLSearchParams) : url.searchParams;
    const clientId = query.get("client_id") ?? "";
    const client = clients.get(clientId);
    // GitHub shows its own 404 page for an unknown application; it never redirects.
    if (!client) return void res.writeHead(404, { "content-type": "text/html" }).end("<h1>404</h1><p>Application not found.</p>");
    const redirectUri = query.get("redirect_uri") ?? client.callbackUrl;
    const state = query.get("state");
    if (!redirectUri) return void res.writeHead(400, { "content-type": "text/plain" }).end("redirect_uri is required by this test server");
    const back = (params: Record<string, string>, to = redirectUri) => {
      const target = new URL(to);
      for (const [key, value] of Object.entries({ ...params, ...(state ? { state } : {}) })) target.searchParams.set(key, value);
      res.writeHead(302, { location: target.href }).end();
    };
    // A redirect_uri outside the registered callback URL: back to the registered one with GitHub's error, before any page.
    if (client.callbackUrl && !underCallback(redirectUri, client.callbackUrl)) {
      return back({
        error: "redirect_uri_mismatch",
        error_description: "The redirect_uri MUST match the registered callback URL for this application.",
        error_uri: "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#redirect-uri-mismatch",
      }, client.callbackUrl);
    }
    if (req.method === "GET") return void html(res, consentPage(query));
    if (query.get("action") === "deny") {
      return back({
        error: "access_denied",
        error_description: "The user has denied your application access.",
        error_uri: "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#access-denied",
      });
    }
    const login = (query.get("login") ?? "").trim();
    if (!login) return void html(res, consentPage(query, "Enter a login name."));
    const code = randomBytes(10).toString("hex");
    const method = query.get("code_challenge_method");
    codes.set(code, {
      clientId, login, redirectUri,
      scope: query.get("scope") ?? "",
      challenge: query.get("code_challenge") ? `${method ?? "plain"}:${query.get("code_challenge")}` : null,
      expires: Date.now() + 10 * 60_000,
    });
    back({ code });
  }

  async function accessToken(req: IncomingMessage, res: ServerResponse) {
    const form = (await readForm(req, "form")) as URLSearchParams;
    // Credentials in the body (GitHub's documented way) or as HTTP Basic (what OAuth clients send by default; GitHub accepts both).
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const [basicId, basicSecret] = basic ? Buffer.from(basic, "base64").toString().split(":").map(decodeURIComponent) : [];
    const clientId = form.get("client_id") ?? basicId ?? "";
    const secret = form.get("client_secret") ?? basicSecret ?? "";
    const answer = (body: Record<string, string>) => tokenAnswer(req, res, body);
    if (clients.get(clientId)?.clientSecret !== secret || !secret) {
      return answer({ error: "incorrect_client_credentials", error_description: "The client_id and/or client_secret passed are incorrect.", error_uri: `${DOCS}#incorrect-client-credentials` });
    }
    const code = form.get("code") ?? "";
    const grant = codes.get(code);
    codes.delete(code);
    if (!grant || grant.clientId !== clientId || grant.expires < Date.now() || !pkceMatches(grant.challenge, form.get("code_verifier"))) {
      return answer({ error: "bad_verification_code", error_description: "The code passed is incorrect or expired.", error_uri: `${DOCS}#bad-verification-code` });
    }
    if (form.get("redirect_uri") && form.get("redirect_uri") !== grant.redirectUri) {
      return answer({ error: "redirect_uri_mismatch", error_description: "The redirect_uri MUST match the registered callback URL for this application.", error_uri: `${DOCS}#redirect-uri-mismatch2` });
    }
    const token = `gho_${randomBytes(18).toString("hex")}`;
    tokens.set(token, { login: grant.login, scope: grant.scope });
    answer({ access_token: token, scope: grant.scope.split(/[ ,]+/).filter(Boolean).join(","), token_type: "bearer" });
  }

  function api(req: IncomingMessage, res: ServerResponse, path: string) {
    const token = /^(?:Bearer|token) (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const session = token ? tokens.get(token) : undefined;
    if (!session) return json(res, 401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" });
    const who = parseLogin(session.login);
    if (path === "/api/v3/user") return json(res, 200, userBody(session.login, who.name, who.email));
    // /user/emails needs the user:email (or user) scope; without it GitHub answers 404.
    if (!/(^|[ ,])(user:email|user)([ ,]|$)/.test(session.scope)) return json(res, 404, { message: "Not Found", documentation_url: "https://docs.github.com/rest/users/emails#list-email-addresses-for-the-authenticated-user", status: "404" });
    json(res, 200, emailsBody(who.email, who.emailVerified, session.login));
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    addClient: (client) => void clients.set(client.clientId, client),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** GitHub's rule: same scheme, host and port; the path equal to the callback's or below it. */
function underCallback(redirectUri: string, callbackUrl: string): boolean {
  try {
    const redirect = new URL(redirectUri);
    const callback = new URL(callbackUrl);
    const base = callback.pathname.replace(/\/$/, "");
    return redirect.origin === callback.origin && (redirect.pathname === callback.pathname || redirect.pathname.startsWith(`${base}/`));
  } catch {
    return false;
  }
}

function pkceMatches(challenge: string | null, verifier: string | null): boolean {
  if (!challenge) return true;
  if (!verifier) return false;
  const [method, value] = [challenge.slice(0, challenge.indexOf(":")), challenge.slice(challenge.indexOf(":") + 1)];
  return (method === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier) === value;
}

function userBody(login: string, name: string, email: string | null) {
  const id = githubUserId(login);
  const handle = name.toLowerCase().replace(/[^a-z0-9-]/g, "-");
  return {
    login: handle, id, node_id: `U_${id}`, avatar_url: `https://avatars.githubusercontent.test/u/${id}?v=4`, type: "User", site_admin: false,
    name, company: null, blog: "", location: null, email, hireable: null, bio: null,
    html_url: `https://github.test/${handle}`, created_at: "2020-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z",
  };
}

function emailsBody(email: string | null, verified: boolean, login: string) {
  if (!email) return [];
  const primary = { email, verified, primary: true, visibility: "public" };
  // An unverified primary beside a verified secondary: the secondary must not be taken for the primary.
  return verified ? [primary] : [primary, { email: `${githubUserId(login)}+verified@users.noreply.github.test`, verified: true, primary: false, visibility: null }];
}

/** GitHub answers form-encoded unless JSON (or XML) is asked for; errors are HTTP 200 too. */
function tokenAnswer(req: IncomingMessage, res: ServerResponse, body: Record<string, string>) {
  if ((req.headers.accept ?? "").includes("application/json")) return json(res, 200, body);
  res.writeHead(200, { "content-type": "application/x-www-form-urlencoded; charset=utf-8" }).end(new URLSearchParams(body).toString());
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}

function html(res: ServerResponse, body: string) {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorize application</title></head><body>${body}</body></html>`);
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The consent page carries the authorization request in hidden fields and posts it back with the answer. */
function consentPage(query: URLSearchParams, error?: string): string {
  const hidden = [...query].filter(([key]) => key !== "login" && key !== "action").map(([key, value]) => `<input type="hidden" name="${escape(key)}" value="${escape(value)}">`).join("");
  return `<form method="post" action="/login/oauth/authorize">
  <h1>Authorize ${escape(query.get("client_id") ?? "")}</h1>
  <p>Scopes: ${escape(query.get("scope") ?? "(none)")}</p>
  ${error ? `<p role="alert">${escape(error)}</p>` : ""}
  ${hidden}
  <label>Signed in to GitHub as <input name="login" autofocus autocomplete="off"></label>
  <button type="submit" name="action" value="authorize">Authorize</button>
  <button type="submit" name="action" value="deny">Deny</button>
</form>`;
}

/** Registers an OAuth app at a test server running in another process (Playwright's webServer). */
export async function registerGitHubClient(origin: string, client: GitHubTestClient): Promise<void> {
  const response = await fetch(`${origin}${CLIENTS_PATH}`, { method: "POST", body: JSON.stringify(client) });
  if (response.status !== 201) throw new Error(`registering client ${client.clientId} at ${origin}: HTTP ${response.status}`);
}
