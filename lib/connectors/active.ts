import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { open } from "@/lib/crypto/seal";
import { parseMailbox, type Mailbox } from "./address";
import { getPath, mergeSecrets } from "./form";
import { pools } from "./net/pools";
import { connectors, isConnectorId, parseConnectorConfig, type ConnectorId } from "./registry";
import type { SmtpConfig } from "./smtp/schema";
import { ConnectorError, secretKeys, type KeepAlive, type OutboundMessage, type SendOptions, type SendResult } from "./types";

/**
 * Which connector sends, and from which address. A connector saved in the
 * console wins; without one, the environment (EMAIL_CONNECTOR, SMTP_*,
 * EMAIL_FROM) applies. The console shows which one is in force.
 */
export type ActiveConnector = {
  id: ConnectorId;
  label: string;
  source: "console" | "env";
  /** The sender; `name` may be absent (the branding's sender name is used then). */
  from: Mailbox;
  send(message: OutboundMessage): Promise<SendResult>;
  /** Removes this connector's secret values from a text (errors, logs). */
  redact(text: string): string;
};

export const SAVED_CONNECTOR_AAD = "email-connector:1";

export type SavedConnector = {
  connectorId: ConnectorId;
  config: Record<string, unknown>;
  fromAddress: string;
  fromName: string | null;
  updatedAt: Date;
  updatedBy: string | null;
};

/** The console's saved connector with its secrets opened, or null when none is saved. */
export async function loadSavedConnector(): Promise<SavedConnector | null> {
  const row = await db.emailConnector.findUnique({ where: { id: 1 } });
  if (!row) return null;
  if (!isConnectorId(row.connectorId)) {
    throw new Error(`The saved email connector "${row.connectorId}" is not in this version's registry; set it up again in the console.`);
  }
  const secrets = JSON.parse(open(row.secrets, SAVED_CONNECTOR_AAD)) as Record<string, unknown>;
  return {
    connectorId: row.connectorId,
    config: mergeSecrets(JSON.parse(row.config) as Record<string, unknown>, secrets),
    fromAddress: row.fromAddress,
    fromName: row.fromName,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/**
 * How long the connector in force is reused: every email needs it, and
 * reading it means a database read, opening its sealed secrets and
 * validating its config. A save or delete in this process is seen at once
 * (store.ts forgets it); one made by another instance within this time.
 */
export const ACTIVE_CONNECTOR_TTL_MS = 1000;
let active: { connector: Promise<ActiveConnector>; at: number } | null = null;

export function getActiveConnector(): Promise<ActiveConnector> {
  const now = Date.now();
  if (active && now - active.at < ACTIVE_CONNECTOR_TTL_MS) return active.connector;
  const connector = resolveActiveConnector();
  active = { connector, at: now };
  // A connector that cannot be used is not kept: the error is news every time.
  connector.catch(() => {
    if (active?.connector === connector) active = null;
  });
  return connector;
}

/** After the saved connector changed: the next email reads it again. */
export function forgetActiveConnector(): void {
  active = null;
}

async function resolveActiveConnector(): Promise<ActiveConnector> {
  const saved = await loadSavedConnector();
  if (saved) return bind(saved.connectorId, saved.config, { name: saved.fromName ?? undefined, address: saved.fromAddress }, "console", true);
  // Deleted, perhaps by another instance: its connections have no more use.
  pools.closeOwner("console");
  return envConnector();
}

/**
 * A connector ready to send with a config that is not saved (the console's
 * "Send test email"): its connections close after each send, unless
 * `keepAlive` (a caller that sends a saved config many times, the bench).
 */
export function bindConnector(id: ConnectorId, rawConfig: unknown, from: Mailbox, options: { keepAlive?: boolean } = {}): ActiveConnector {
  return bind(id, rawConfig, from, "console", options.keepAlive ?? false);
}

function bind(id: ConnectorId, rawConfig: unknown, from: Mailbox, source: ActiveConnector["source"], reuse: boolean): ActiveConnector {
  const connector = connectors[id];
  const config = parseConnectorConfig(id, rawConfig);
  // Connections are kept per source, for this exact configuration: a changed one gets new connections (net/pools.ts).
  const keepAlive: KeepAlive | undefined = reuse ? { owner: source, configKey: configKey(id, config) } : undefined;
  const secretValues = secretKeys(connector)
    .map((key) => getPath(config as Record<string, unknown>, key))
    .flatMap((v) => (typeof v === "string" ? [v] : v && typeof v === "object" ? Object.values(v).filter((x): x is string => typeof x === "string") : []));
  return {
    id,
    label: connector.label,
    source,
    from,
    // The registry's map is typed per id; the config was parsed by this id's schema just above.
    send: (message) => (connector.send as (c: unknown, m: OutboundMessage, o: SendOptions) => Promise<SendResult>)(config, message, { keepAlive }),
    redact: (text) => {
      let out = text;
      for (const secret of secretValues) if (secret.length >= 4) out = out.split(secret).join("[redacted]");
      return out;
    },
  };
}

function configKey(id: ConnectorId, config: unknown): string {
  return createHash("sha256").update(JSON.stringify([id, config])).digest("base64url");
}

/** The connector the environment describes (EMAIL_CONNECTOR=dev|smtp). */
export function envConnector(): ActiveConnector {
  const id = env.EMAIL_CONNECTOR;
  const from = getEnvFromAddress();
  try {
    return bind(id, id === "smtp" ? smtpConfigFromEnv() : {}, from, "env", true);
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    throw new Error(`Email connector misconfigured (EMAIL_CONNECTOR=${id}): ${envNames(error.message)}`, { cause: error });
  }
}

/** The sender from EMAIL_FROM (`Name <address>` or a bare address); the name is stripped of line breaks. */
export function getEnvFromAddress(): Mailbox {
  try {
    return parseMailbox(env.EMAIL_FROM);
  } catch (error) {
    throw new Error(`EMAIL_FROM ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * SMTP_* variables → the SMTP connector's config (unvalidated: parseConnectorConfig checks it).
 * The environment is the operator's own, trusted configuration (a relay on
 * localhost or the private network is the usual set-up), so private targets
 * are allowed here; the console's settings, editable by any admin, must opt in.
 */
export function smtpConfigFromEnv(): SmtpConfig {
  const user = env.SMTP_USER ?? "";
  const password = env.SMTP_PASSWORD ?? "";
  return {
    host: env.SMTP_HOST ?? "",
    port: env.SMTP_PORT,
    security: env.SMTP_SECURE ? "tls" : "starttls-optional",
    auth: user || password ? { type: "login", user, password } : { type: "none" },
    allowPrivateTargets: true,
  };
}

const ENV_NAMES: Record<string, string> = {
  host: "SMTP_HOST",
  port: "SMTP_PORT",
  security: "SMTP_SECURE",
  "auth.user": "SMTP_USER",
  "auth.password": "SMTP_PASSWORD",
};

/** Names the environment variables rather than the config keys the operator never sees. */
function envNames(message: string): string {
  let out = message;
  for (const [key, name] of Object.entries(ENV_NAMES)) out = out.replace(new RegExp(`(^|[ ;:])${key.replace(".", "\\.")}:`, "g"), `$1${name}:`);
  return out;
}
