import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Adapter, AdapterPayload, Configuration, interactionPolicy as Policy } from "oidc-provider";
import { claimsFor, type OidcFlavour } from "./oidc-accounts";
import { interactionPage, readForm } from "./oidc-interaction";

/**
 * A real OpenID Connect provider (`oidc-provider`, the certified
 * implementation) on a loopback port, playing three issuers side by side:
 *
 * - `${origin}/oidc`                       any OpenID Connect provider
 * - `${origin}/google`                     Google-shaped claims (email_verified, picture, hd)
 * - `${origin}/entra/<tenant>/v2.0`        Entra-shaped claims (oid, tid, preferred_username, xms_edov);
 *                                          the authority host is `${origin}/entra`
 *
 * Its login page takes a login name that chooses the account's claims
 * (tests/providers/oidc-accounts.ts) and has a Deny button (error=access_denied).
 * Clients are registered per test, in process (`addClient`) or over HTTP
 * (`registerOidcClient`, for a server Playwright started). Serves plain http:
 * connectors pointed at it need "Allow private network targets".
 */
export type OidcTestClient = { clientId: string; clientSecret: string; redirectUris: string[] };

export type OidcTestServer = {
  origin: string;
  issuers: Record<OidcFlavour, string>;
  /** The Entra tenant id its issuer is for, and the authority host a connector sets to reach it. */
  entra: { tenantId: string; authorityHost: string };
  addClient(client: OidcTestClient): void;
  close(): Promise<void>;
};

export const DEFAULT_ENTRA_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
const CLIENTS_PATH = "/__test/clients";

/** oidc-provider warns that Node 20 is not its supported runtime (it runs fine, ENVIRONMENT.md): silenced for tests. */
async function loadProvider(): Promise<typeof import("oidc-provider")> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("oidc-provider WARNING: Unsupported runtime")) return;
    warn(...args);
  };
  try {
    return await import("oidc-provider");
  } finally {
    console.warn = warn;
  }
}

/** Everything in memory; clients come from the shared map, so one registration serves all three issuers. */
function memoryAdapter(clients: Map<string, AdapterPayload>) {
  const store = new Map<string, AdapterPayload>();
  return class MemoryAdapter implements Adapter {
    constructor(private readonly model: string) {}
    private key = (id: string) => `${this.model}:${id}`;
    async upsert(id: string, payload: AdapterPayload) {
      store.set(this.key(id), payload);
    }
    async find(id: string) {
      return this.model === "Client" ? clients.get(id) : store.get(this.key(id));
    }
    async findByUserCode() {
      return undefined;
    }
    async findByUid(uid: string) {
      return [...store.entries()].find(([key, value]) => key.startsWith(`${this.model}:`) && value.uid === uid)?.[1];
    }
    async consume(id: string) {
      const found = store.get(this.key(id));
      if (found) found.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [key, value] of store) if (value.grantId === grantId) store.delete(key);
    }
  };
}

type Setup = { mount: string; tenantId: string; jwk: object; adapter: Configuration["adapter"]; logins: Map<string, string>; policy: typeof Policy };

/** Every authorization asks for the login name again, so one browser can sign in as someone else next (no provider session reused). */
function alwaysLogin(policy: typeof Policy): Policy.Prompt[] {
  const prompts = policy.base();
  prompts.get("login")!.checks.add(new policy.Check("login_every_time", "the test provider asks every time", (ctx) =>
    // Just signed in within this authorization (the result of the login page): no need to ask again.
    ctx.oidc.result?.login ? policy.Check.NO_NEED_TO_PROMPT : policy.Check.REQUEST_PROMPT));
  return prompts;
}

function configuration(flavour: OidcFlavour, { mount, tenantId, jwk, adapter, logins, policy }: Setup): Configuration {
  return {
    adapter,
    jwks: { keys: [jwk as never] },
    // The account id is the subject; the login name it stands for picks the claims.
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => claimsFor(flavour, logins.get(sub) ?? sub, tenantId) as never }),
    claims: {
      openid: ["sub", "oid", "tid", "hd"],
      email: ["email", "email_verified", "xms_edov"],
      profile: ["name", "given_name", "picture", "preferred_username"],
    },
    // Google and Entra put the profile claims in the ID token, which is all next-auth reads for OIDC.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `${mount}/interaction/${interaction.uid}`, policy: alwaysLogin(policy) },
    pkce: { required: () => true },
    cookies: { keys: ["test-provider-cookie-key"] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, ClientCredentials: 600, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    renderError: async (ctx, out) => {
      ctx.type = "html";
      ctx.body = `<!doctype html><title>Provider error</title><h1>${escape(String(out.error))}</h1><p>${escape(String(out.error_description ?? ""))}</p>`;
    },
  };
}

/** Where each flavour's issuer lives on the server. */
const oidcMounts = (tenantId: string): Record<OidcFlavour, string> => ({ oidc: "/oidc", google: "/google", entra: `/entra/${tenantId}/v2.0` });

/** The issuers of a test server at `origin` (one started in another process, too). */
export function oidcIssuers(origin: string, tenantId = DEFAULT_ENTRA_TENANT): Pick<OidcTestServer, "origin" | "issuers" | "entra"> {
  const mounts = oidcMounts(tenantId);
  return {
    origin,
    issuers: { oidc: `${origin}${mounts.oidc}`, google: `${origin}${mounts.google}`, entra: `${origin}${mounts.entra}` },
    entra: { tenantId, authorityHost: `${origin}/entra` },
  };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startOidcServer(options: { port?: number; entraTenant?: string } = {}): Promise<OidcTestServer> {
  const { Provider, interactionPolicy } = await loadProvider();
  const tenantId = options.entraTenant ?? DEFAULT_ENTRA_TENANT;
  const clients = new Map<string, AdapterPayload>();
  const jwk = { ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), kid: "test", use: "sig", alg: "RS256" };
  const mounts = oidcMounts(tenantId);

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const adapter = memoryAdapter(clients);
  const logins = new Map<string, string>();
  const providers = (Object.keys(mounts) as OidcFlavour[]).map((flavour) => {
    const provider = new Provider(`${origin}${mounts[flavour]}`, configuration(flavour, { mount: mounts[flavour], tenantId, jwk, adapter, logins, policy: interactionPolicy }));
    // Loopback http: the provider must not insist on TLS-only cookies behind no proxy.
    provider.proxy = false;
    return { flavour, mount: mounts[flavour], provider, handle: provider.callback() };
  });

  server.on("request", async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? "/", origin);
      if (url.pathname === CLIENTS_PATH && req.method === "POST") {
        const client = JSON.parse((await readForm(req, "raw")) as string) as OidcTestClient;
        addClient(client);
        res.writeHead(201).end();
        return;
      }
      const match = providers.find(({ mount }) => url.pathname === mount || url.pathname.startsWith(`${mount}/`));
      if (!match) {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      const rest = url.pathname.slice(match.mount.length) || "/";
      if (rest.startsWith("/interaction/")) {
        await interactionPage(match.provider, req, res, logins);
        return;
      }
      // Mounted under a path: oidc-provider reads the mount from originalUrl minus url.
      Object.assign(req, { originalUrl: req.url, url: `${rest}${url.search}` });
      match.handle(req, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(error instanceof Error ? error.message : String(error));
    }
  });

  function addClient(client: OidcTestClient) {
    clients.set(client.clientId, {
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    });
  }

  return {
    ...oidcIssuers(origin, tenantId),
    addClient,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Registers a client at a test server running in another process (Playwright's webServer). */
export async function registerOidcClient(origin: string, client: OidcTestClient): Promise<void> {
  const response = await fetch(`${origin}${CLIENTS_PATH}`, { method: "POST", body: JSON.stringify(client) });
  if (response.status !== 201) throw new Error(`registering client ${client.clientId} at ${origin}: HTTP ${response.status}`);
}
