import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { env, type Env } from "@/lib/env";
import { checkExtraHeaders, checkRecipient, formatMailbox, sanitizeHeaderText } from "../address";
import { ConnectorError, type OutboundMessage } from "../types";

/**
 * The dev mailbox: emails written to the app's own database and shown at
 * /dev/mailbox to anyone who can reach the app. Fine on a laptop, a leak of
 * every sign-in code in production — so production refuses it unless the
 * operator opts in with DEV_MAILBOX_IN_PRODUCTION=true (demos, staging).
 */
export type DevMailboxFlags = {
  nodeEnv: Env["NODE_ENV"];
  devMailboxInProduction: boolean;
};

export const DEV_MAILBOX_REFUSED_IN_PRODUCTION =
  "The dev mailbox is refused in production: it shows every email, sign-in codes included, to anyone. " +
  "Configure SMTP (EMAIL_CONNECTOR=smtp) or, for a demo or staging deployment only, set DEV_MAILBOX_IN_PRODUCTION=true.";

function currentFlags(): DevMailboxFlags {
  return { nodeEnv: env.NODE_ENV, devMailboxInProduction: env.DEV_MAILBOX_IN_PRODUCTION };
}

/** Pure: whether the dev mailbox may store and show emails under these flags. */
export function isDevMailboxAllowed(flags: DevMailboxFlags): boolean {
  return flags.nodeEnv !== "production" || flags.devMailboxInProduction;
}

/** Whether the dev mailbox is available in this process (env-based). */
export function isDevMailboxEnabled(): boolean {
  return isDevMailboxAllowed(currentFlags());
}

/** Throws ConnectorError(invalid_config) when the flags refuse the dev mailbox. */
export function assertDevMailboxAllowed(flags: DevMailboxFlags = currentFlags()): void {
  if (!isDevMailboxAllowed(flags)) {
    throw new ConnectorError("invalid_config", DEV_MAILBOX_REFUSED_IN_PRODUCTION);
  }
}

export type DevMessageSummary = {
  id: string;
  to: string;
  from: string;
  subject: string;
  createdAt: Date;
};

export type DevMessage = DevMessageSummary & {
  html: string;
  text: string;
  /** Extra headers the message was sent with (Reply-To included). */
  headers: Record<string, string>;
};

/** Stores a rendered message; returns its id (also the connector's messageId). */
export async function storeDevMessage(message: OutboundMessage): Promise<string> {
  const to = checkRecipient(message.to);
  const headers = checkExtraHeaders(message.headers);
  if (message.replyTo) headers["Reply-To"] = sanitizeHeaderText(message.replyTo);

  const id = randomUUID();
  try {
    await db.devMailboxMessage.create({
      data: {
        id,
        to,
        from: formatMailbox({ name: message.from.name, address: sanitizeHeaderText(message.from.address) }),
        subject: sanitizeHeaderText(message.subject),
        html: message.html,
        text: message.text,
        headers: JSON.stringify(headers),
      },
    });
  } catch (error) {
    throw new ConnectorError("provider_error", "Could not store the email in the dev mailbox (database write failed).", { cause: error });
  }
  return id;
}

const MAX_LIST = 500;

/** Newest first; `to` filters on the exact recipient (as sent, or lower-cased). */
export async function listDevMessages({ to, limit }: { to?: string; limit: number }): Promise<DevMessageSummary[]> {
  const recipient = to?.trim();
  const take = Math.min(Math.max(Math.trunc(limit) || 1, 1), MAX_LIST);
  return db.devMailboxMessage.findMany({
    where: recipient ? { to: { in: [...new Set([recipient, recipient.toLowerCase()])] } } : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, to: true, from: true, subject: true, createdAt: true },
  });
}

export async function getDevMessage(id: string): Promise<DevMessage | null> {
  if (!id || id.length > 100) return null;
  const row = await db.devMailboxMessage.findUnique({ where: { id } });
  if (!row) return null;
  return { ...row, headers: parseHeaders(row.headers) };
}

function parseHeaders(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== "object" || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return {};
  }
}

/**
 * What each stored message is (`SignIn`, `PasswordChanged`…), by id: the
 * outbox row the dev connector answered with that id. A message whose row
 * is not marked sent yet (a moment after sending) has none for now.
 */
export async function devMessageKinds(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.emailMessage.findMany({ where: { providerMessageId: { in: ids } }, select: { providerMessageId: true, purpose: true } });
  return new Map(rows.map((row) => [row.providerMessageId!, row.purpose]));
}
