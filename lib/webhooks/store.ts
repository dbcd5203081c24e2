import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import { open, seal } from "@/lib/crypto/seal";
import { db } from "@/lib/db";
import { WEBHOOK_PROVIDERS, WEBHOOK_SECRET_FIELDS, type WebhookProviderId, type WebhookSettings } from "./types";

/**
 * The webhook endpoints the operator has set up, one row per provider. The
 * fields WEBHOOK_SECRET_FIELDS lists are sealed (AES-256-GCM, bound to the
 * provider) and leave this module only through loadEndpointSettings, for
 * the request check on the server.
 */
const secretsContext = (provider: WebhookProviderId) => `webhook:${provider}`;

export type EndpointSummary = {
  provider: WebhookProviderId;
  configured: boolean;
  /** The settings that are not secret (the SNS topic ARN, SendGrid's public key). */
  config: Record<string, string>;
  lastEventAt: Date | null;
  lastEventType: string | null;
  updatedAt: Date | null;
};

function split<P extends WebhookProviderId>(provider: P, settings: WebhookSettings[P]) {
  const secretKeys: readonly string[] = WEBHOOK_SECRET_FIELDS[provider];
  const config: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(settings as Record<string, string>)) (secretKeys.includes(key) ? secrets : config)[key] = value;
  return { config, secrets };
}

/** The provider's settings with its secrets opened, or null when it is not set up. */
export async function loadEndpointSettings<P extends WebhookProviderId>(provider: P): Promise<WebhookSettings[P] | null> {
  const row = await db.webhookEndpoint.findUnique({ where: { provider } });
  if (!row) return null;
  const secrets = JSON.parse(open(row.secrets, secretsContext(provider))) as Record<string, string>;
  return { ...(JSON.parse(row.config) as Record<string, string>), ...secrets } as WebhookSettings[P];
}

/** Saves (creates or replaces) a provider's settings. The caller validated them. */
export async function saveEndpointSettings<P extends WebhookProviderId>(provider: P, settings: WebhookSettings[P], actor: string): Promise<void> {
  const { config, secrets } = split(provider, settings);
  const data = { config: JSON.stringify(config), secrets: seal(JSON.stringify(secrets), secretsContext(provider)), updatedBy: actor };
  await db.webhookEndpoint.upsert({ where: { provider }, create: { provider, ...data }, update: data });
}

/** Stops accepting the provider's requests (they are answered 404 afterwards). */
export async function deleteEndpoint(provider: WebhookProviderId): Promise<void> {
  await db.webhookEndpoint.deleteMany({ where: { provider } });
}

/** Every provider, set up or not, without secrets: for the console. */
export async function listEndpoints(): Promise<EndpointSummary[]> {
  const rows = await db.webhookEndpoint.findMany({ select: { provider: true, config: true, lastEventAt: true, lastEventType: true, updatedAt: true } });
  const byProvider = new Map(rows.map((row) => [row.provider, row]));
  return WEBHOOK_PROVIDERS.map((provider) => {
    const row = byProvider.get(provider);
    return {
      provider,
      configured: row !== undefined,
      config: row ? (JSON.parse(row.config) as Record<string, string>) : {},
      lastEventAt: row?.lastEventAt ?? null,
      lastEventType: row?.lastEventType ?? null,
      updatedAt: row?.updatedAt ?? null,
    };
  });
}

/** Notes that a verified request arrived (shown in the console as "last event"). */
export async function recordReceipt(provider: WebhookProviderId, type: string, client: Prisma.TransactionClient | typeof db = db): Promise<void> {
  await client.webhookEndpoint.updateMany({ where: { provider }, data: { lastEventAt: new Date(), lastEventType: type.slice(0, 100) } });
}
