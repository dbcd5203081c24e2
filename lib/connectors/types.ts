import type { z } from "zod";

/** An already-rendered message. Connectors move it; they never template. */
export type OutboundMessage = {
  to: string;
  /** Display name + address, e.g. `Acme <no-reply@acme.test>`. */
  from: { name?: string; address: string };
  subject: string;
  html: string;
  text: string;
  replyTo?: string;
  headers?: Record<string, string>;
};

export type SendResult = { messageId: string };

export const CONNECTOR_ERROR_CODES = [
  "invalid_config",
  "auth_failed",
  "rate_limited",
  "rejected_recipient",
  "transient",
  "provider_error",
] as const;
export type ConnectorErrorCode = (typeof CONNECTOR_ERROR_CODES)[number];

/**
 * The one error a connector throws. `message` is safe to show an operator
 * (provider text, never secrets); `cause` keeps the original for logs.
 */
export class ConnectorError extends Error {
  readonly code: ConnectorErrorCode;
  constructor(code: ConnectorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ConnectorError";
    this.code = code;
  }
}

export type ConnectorDefinition<Schema extends z.ZodType = z.ZodType> = {
  id: string;
  label: string;
  description: string;
  configSchema: Schema;
  /** Config keys that hold secrets: encrypted at rest, never sent to a browser. */
  secretFields: readonly (keyof z.infer<Schema> & string)[];
  send(config: z.infer<Schema>, message: OutboundMessage): Promise<SendResult>;
};

export function defineConnector<Schema extends z.ZodType>(def: ConnectorDefinition<Schema>) {
  return def;
}
