import "server-only";
import { emailKey } from "@/lib/auth/email";
import { db, sql, sqlFor, type Client } from "@/lib/db";
import type { Sql } from "@/lib/db-direct";
import { param } from "@/lib/db-sql";
import type { Failure } from "@/lib/errors/failure";
import { suppressedFailure } from "@/lib/otp/messages";
import { getSettings } from "@/lib/settings/get-settings";

/**
 * The suppression list: addresses no email goes to, because the provider
 * reported a permanent bounce or a complaint (lib/webhooks). It is about the
 * address, never about an account: a code request to a suppressed address
 * is refused the same way whether or not the address has an account.
 */
export const SUPPRESSION_REASONS = ["hard_bounce", "complaint"] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export type SuppressInput = {
  address: string;
  reason: SuppressionReason;
  /** The webhook provider that reported it ("ses", "sendgrid", …). */
  provider: string;
  eventId: string;
  /** The provider's words: a bounce diagnostic, a complaint type. */
  detail: string;
  /** The outbox message the event was about, when known. */
  messageId?: string | null;
};

// The first report stands: a later bounce of an address already listed changes nothing.
const INSERT = `INSERT INTO "EmailSuppression" ("address", "reason", "provider", "eventId", "detail", "messageId", "createdAt")
  VALUES (${[1, 2, 3, 4, 5, 6, 7].map(param).join(", ")})
  ON CONFLICT ("address") DO NOTHING`;

/** Adds the address to the list (a no-op when it is there already). True when it was added now. */
export async function suppressAddress(input: SuppressInput, client: Client = db): Promise<boolean> {
  const added = await sqlFor(client).execute(
    INSERT,
    emailKey(input.address),
    input.reason,
    input.provider,
    input.eventId.slice(0, 200),
    input.detail.slice(0, 1000),
    input.messageId ?? null,
    new Date(),
  );
  return added === 1;
}

export type Suppression = { address: string; reason: string; provider: string; eventId: string; detail: string; messageId: string | null };

const FIND = `SELECT "address", "reason", "provider", "eventId", "detail", "messageId" FROM "EmailSuppression" WHERE "address" = ${param(1)}`;

/** The address's entry, if it is suppressed. In SQL, so the outbox can look inside the transaction it writes in (lib/db-direct.ts). */
export async function findSuppression(address: string, client: Sql = sql): Promise<Suppression | null> {
  const [row] = await client.query<Suppression>(FIND, emailKey(address));
  return row ?? null;
}

export async function isSuppressed(address: string, client: Sql = sql): Promise<boolean> {
  return (await findSuppression(address, client)) !== null;
}

/** The refusal of a suppressed address, pointing to the branding's support address when one is set. */
export async function addressSuppressed(): Promise<Failure> {
  return suppressedFailure((await getSettings()).branding.supportEmail);
}
