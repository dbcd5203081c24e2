import "server-only";
import { env } from "@/lib/env";
import { parseMailbox, type Mailbox } from "./address";
import { connectors, parseConnectorConfig, type ConnectorId } from "./registry";
import type { SmtpConfig } from "./smtp/schema";
import { ConnectorError, type OutboundMessage, type SendResult } from "./types";

export type ActiveConnector = {
  id: ConnectorId;
  label: string;
  send(message: OutboundMessage): Promise<SendResult>;
};

/**
 * The connector this deployment sends with, configured from the environment
 * (EMAIL_CONNECTOR and SMTP_*). Built on each call — it is cheap — so a bad
 * configuration surfaces as a clear Error where an email is sent.
 */
export function getActiveConnector(): ActiveConnector {
  const id = env.EMAIL_CONNECTOR;
  switch (id) {
    case "dev": {
      const config = parseOrExplain("dev", {});
      const connector = connectors.dev;
      return { id, label: connector.label, send: (message) => connector.send(config, message) };
    }
    case "smtp": {
      const config = parseOrExplain("smtp", smtpConfigFromEnv());
      const connector = connectors.smtp;
      return { id, label: connector.label, send: (message) => connector.send(config, message) };
    }
    default: {
      const unknownId: never = id;
      throw new Error(`EMAIL_CONNECTOR="${String(unknownId)}" is not a known email connector (expected dev or smtp).`);
    }
  }
}

/** The sender from EMAIL_FROM (`Name <address>` or a bare address); the name is stripped of line breaks. */
export function getFromAddress(): Mailbox {
  try {
    return parseMailbox(env.EMAIL_FROM);
  } catch (error) {
    throw new Error(`EMAIL_FROM ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** SMTP_* variables → the SMTP connector's config (unvalidated: parseConnectorConfig checks it). */
export function smtpConfigFromEnv(): SmtpConfig {
  const user = env.SMTP_USER ?? "";
  const password = env.SMTP_PASSWORD ?? "";
  return {
    host: env.SMTP_HOST ?? "",
    port: env.SMTP_PORT,
    security: env.SMTP_SECURE ? "tls" : "starttls-optional",
    auth: user || password ? { type: "login", user, password } : { type: "none" },
  };
}

const ENV_NAMES: Record<string, string> = {
  host: "SMTP_HOST",
  port: "SMTP_PORT",
  security: "SMTP_SECURE",
  "auth.user": "SMTP_USER",
  "auth.password": "SMTP_PASSWORD",
};

function parseOrExplain<Id extends ConnectorId>(id: Id, raw: unknown) {
  try {
    return parseConnectorConfig(id, raw);
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    // Name the environment variables rather than the config keys the operator never sees.
    let message = error.message;
    for (const [key, name] of Object.entries(ENV_NAMES)) message = message.replace(new RegExp(`(^|[ ;:])${key.replace(".", "\\.")}:`, "g"), `$1${name}:`);
    throw new Error(`Email connector misconfigured (EMAIL_CONNECTOR=${id}): ${message}`, { cause: error });
  }
}
