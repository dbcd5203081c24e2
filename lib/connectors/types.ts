import type { z } from "zod";
import { ERRORS, type ErrorCode } from "@/lib/errors/codes";

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
  /**
   * What the message is for. Email providers ignore it; connectors that hand
   * the data to someone else's mail service (HTTP) forward it, so the
   * receiver can render its own template.
   */
  context?: MessageContext;
  /**
   * Stable across every retry of one outbox message. Sent to providers that
   * deduplicate on it (Resend, the HTTP connector), so a retry after a lost
   * response does not deliver twice.
   */
  idempotencyKey?: string;
  /**
   * The Message-ID header (`<…@sender-domain>`), the same for every attempt
   * of one outbox message, so a retry that reaches the inbox after all is
   * recognisable as the same email. Connectors that write headers set it.
   */
  messageId?: string;
};

export type MessageContext = {
  /** The purpose (`SignIn`, `ForgotPassword`, …) or notice kind. */
  type: string;
  locale: string;
  /** Template variables: `code`, `link`, `ttlMinutes`… */
  variables: Record<string, string | number>;
  /** The address of the person whose request caused the email, when known. */
  ip?: string;
};

export type SendResult = { messageId: string };

/**
 * Whose configuration a send belongs to, so its connections can be kept
 * open for the next send of the same configuration (net/pools.ts). `owner`
 * is where the configuration comes from (the saved connector, the
 * environment); `configKey` stands for the configuration itself (a hash of
 * it): when an owner's key changes, its old connections are closed.
 */
export type KeepAlive = { owner: string; configKey: string };

export type SendOptions = {
  /** Absent: the send opens its own connections and closes them (the console's test with unsaved settings). */
  keepAlive?: KeepAlive;
};

/** The codes a ConnectorError carries. Their words, statuses and retry decisions are in lib/errors/codes.ts. */
export const CONNECTOR_ERROR_CODES = [
  "invalid_config",
  "auth_failed",
  "rate_limited",
  "rejected_recipient",
  "transient",
  "provider_error",
] as const satisfies readonly ErrorCode[];
export type ConnectorErrorCode = (typeof CONNECTOR_ERROR_CODES)[number];

/** What the table must say of each connector code: a code without these is a type error here. */
const CONNECTOR_WORDS: Record<ConnectorErrorCode, { operator: string; lead: string; retry: boolean }> = ERRORS;

/** What the provider did, after its name: `${provider} ${providerLead(code)} (HTTP 401)`. */
export const providerLead = (code: ConnectorErrorCode): string => CONNECTOR_WORDS[code].lead;

/** Worth another attempt later (transient, rate_limited); the others need a person to change something. */
export function isRetryable(code: string): boolean {
  return (CONNECTOR_ERROR_CODES as readonly string[]).includes(code) && CONNECTOR_WORDS[code as ConnectorErrorCode].retry;
}

/**
 * The one error a connector throws. `message` is safe to show an operator
 * (provider text, never secrets); `cause` keeps the original for logs.
 */
export class ConnectorError extends Error {
  readonly code: ConnectorErrorCode;
  /** Seconds the provider asked us to wait (429 Retry-After), when it said. */
  readonly retryAfterSeconds?: number;
  /**
   * Not a refusal: the message was handed over, then the answer never came
   * (a timeout, a lost connection), so it may have been delivered. The
   * outbox retries such a message once at most, later.
   */
  readonly outcomeUnknown: boolean;
  constructor(code: ConnectorErrorCode, message: string, options?: { cause?: unknown; retryAfterSeconds?: number; outcomeUnknown?: boolean }) {
    super(message, options);
    this.name = "ConnectorError";
    this.code = code;
    this.retryAfterSeconds = options?.retryAfterSeconds;
    this.outcomeUnknown = options?.outcomeUnknown ?? false;
  }
}

/**
 * One input of the console's set-up form. The zod schema is the truth about
 * what is valid; this describes how to ask for it.
 */
export type ConnectorField = {
  /** Dotted path into the config object, e.g. `apiKey` or `auth.password`. */
  key: string;
  label: string;
  help?: string;
  /**
   * - `headers`: a textarea of `Name: value` lines → Record<string, string>.
   * - `checkbox`: → boolean. `number`: → number. Everything else → string.
   */
  type: "text" | "password" | "number" | "select" | "textarea" | "checkbox" | "url" | "email" | "headers";
  /** Encrypted at rest, never sent to the browser, redacted from errors. Listed here and nowhere else. */
  secret?: boolean;
  required?: boolean;
  default?: string | number | boolean;
  placeholder?: string;
  options?: readonly { value: string; label: string }[];
  /** Shown (and submitted) only while another field has one of these values. */
  showWhen?: { key: string; equals: string | readonly string[] };
  /** Tucked under "Advanced" in the form (base URLs, timeouts). */
  advanced?: boolean;
};

export type ConnectorDefinition<Schema extends z.ZodType = z.ZodType> = {
  id: string;
  label: string;
  description: string;
  configSchema: Schema;
  /** The console form, in display order. Every secret is a field with `secret: true`. */
  fields: readonly ConnectorField[];
  send(config: z.infer<Schema>, message: OutboundMessage, options?: SendOptions): Promise<SendResult>;
};

export function defineConnector<Schema extends z.ZodType>(def: ConnectorDefinition<Schema>) {
  return def;
}

/** The config paths a connector keeps secret (derived from its fields, so they are listed once). */
export function secretKeys(def: Pick<ConnectorDefinition, "fields">): string[] {
  return def.fields.filter((f) => f.secret).map((f) => f.key);
}
