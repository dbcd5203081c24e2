import { randomBytes } from "node:crypto";
import type { SocialProviderId } from "@/lib/social/types";
import { registerGitHubClient } from "../tests/providers/github";
import { oidcIssuers, registerOidcClient } from "../tests/providers/oidc";
import { PORTS } from "./ports";
import type { Instance } from "./seed/users";
import { seederFor } from "./seed/seeders";

/**
 * Social connectors for specs: the client registered at the test provider
 * (tests/providers/serve.ts, started by playwright.config.ts) with the
 * instance's callback URL, and the connector saved in the instance's
 * database through the console's own save (e2e/seed/seeder.ts), with
 * "Allow private network targets" on (the providers are on loopback).
 */
export const TEST_OIDC = oidcIssuers(`http://127.0.0.1:${PORTS.oidc}`);
export const TEST_GITHUB = `http://127.0.0.1:${PORTS.github}`;

export type SocialConnectorOptions = {
  providerId: SocialProviderId;
  /** @default `<provider>-<hex>` */
  id?: string;
  /** The button label. @default the provider's usual name with the id */
  name?: string;
  /** @default true */
  enabled?: boolean;
};

export type SeededSocialConnector = { id: string; name: string; providerId: SocialProviderId; clientId: string; clientSecret: string };

/** Where each kind reaches its test provider, as console form values. */
export function testProviderValues(providerId: SocialProviderId): Record<string, string> {
  switch (providerId) {
    case "oidc":
      return { issuer: TEST_OIDC.issuers.oidc };
    case "google":
      return { issuer: TEST_OIDC.issuers.google };
    case "microsoft-entra-id":
      return { tenant: TEST_OIDC.entra.tenantId, authorityHost: TEST_OIDC.entra.authorityHost };
    case "github":
      return { baseUrl: TEST_GITHUB };
  }
}

/** Registers a client for `connectorId` at the right test provider; returns its credentials. */
export async function registerTestClient(providerId: SocialProviderId, connectorId: string, appUrl: string): Promise<{ clientId: string; clientSecret: string }> {
  const client = { clientId: `client-${connectorId}-${randomBytes(3).toString("hex")}`, clientSecret: `secret-${randomBytes(12).toString("hex")}` };
  const callbackUrl = `${appUrl}/api/auth/callback/${connectorId}`;
  if (providerId === "github") await registerGitHubClient(TEST_GITHUB, { ...client, callbackUrl });
  else await registerOidcClient(TEST_OIDC.origin, { ...client, redirectUris: [callbackUrl] });
  return client;
}

export async function seedSocialConnector(instance: Instance, options: SocialConnectorOptions): Promise<SeededSocialConnector> {
  const id = options.id ?? `${options.providerId === "microsoft-entra-id" ? "microsoft" : options.providerId}-${randomBytes(3).toString("hex")}`;
  const name = options.name ?? `Test ${id}`;
  const client = await registerTestClient(options.providerId, id, instance.baseURL);
  const values = { ...testProviderValues(options.providerId), ...client, allowPrivateTargets: "on" };
  const enabled = options.enabled ?? true;
  await seederFor(instance.databaseUrl, instance.env).request({ op: "socialConnector", id, providerId: options.providerId, name, values, enabled });
  await untilSignInPageShows(instance, name, enabled);
  return { id, name, providerId: options.providerId, ...client };
}

/**
 * The seeder writes from its own process, and the app reads its connectors at
 * most SOCIAL_CONNECTORS_TTL_MS old: a page opened right after seeding could
 * still show the list from before. Wait until /sign-in agrees with the seed.
 */
async function untilSignInPageShows(instance: Instance, name: string, shown: boolean) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const html = await fetch(new URL("/sign-in", instance.baseURL)).then((response) => response.text());
    if (html.includes(`Continue with ${name}`) === shown) return;
    if (Date.now() > deadline) throw new Error(`/sign-in still ${shown ? "lacks" : "shows"} “Continue with ${name}” 15 s after seeding`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
