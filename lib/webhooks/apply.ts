import "server-only";
import { db } from "@/lib/db";
import { param } from "@/lib/db-sql";
import { suppressAddress } from "@/lib/deliverability/suppressions";
import { recordReceipt } from "./store";
import { DELIVERY_STATUSES, type DeliveryEvent, type DeliveryStatus, type WebhookProviderId } from "./types";

/**
 * Applies a provider's verified events: each one once (by the provider's
 * event id), to the outbox message it is about and, for a hard bounce or a
 * complaint, to the suppression list. Providers redeliver whatever we did
 * not answer 2xx in time, and may send a batch again: applying an event
 * twice must change nothing.
 */

// The claim on the event id and what it changes commit together: a crash in between leaves the event unclaimed, to be applied on redelivery.
const CLAIM = `INSERT INTO "WebhookEvent" ("provider", "eventId", "type", "receivedAt")
  VALUES (${[1, 2, 3, 4].map(param).join(", ")})
  ON CONFLICT ("provider", "eventId") DO NOTHING`;

/** The statuses an event may replace: its own and the weaker ones (DELIVERY_STATUSES is weakest first). A late "delivered" never hides a bounce. */
const replaceable = (status: DeliveryStatus) => DELIVERY_STATUSES.slice(0, DELIVERY_STATUSES.indexOf(status) + 1);

const suppressionReason = (event: DeliveryEvent) =>
  event.status === "complained" ? "complaint" : event.status === "bounced" && event.permanent ? "hard_bounce" : null;

/** True when the event was applied now, false when it had been already. */
async function applyOne(provider: WebhookProviderId, event: DeliveryEvent, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.$executeRawUnsafe(CLAIM, provider, event.eventId, event.type.slice(0, 100), now);
    if (claimed !== 1) return false;
    const ids = [event.providerMessageId, event.headerMessageId].filter((id): id is string => Boolean(id));
    const providerMessageId = { in: ids };
    const message = ids.length > 0 ? await tx.emailMessage.findFirst({ where: { providerMessageId }, select: { id: true, recipient: true } }) : null;
    if (message) {
      await tx.emailMessage.updateMany({
        where: { providerMessageId, OR: [{ deliveryStatus: null }, { deliveryStatus: { in: replaceable(event.status) } }] },
        data: { deliveryStatus: event.status, deliveryDetail: event.detail.slice(0, 1000), deliveryUpdatedAt: event.occurredAt },
      });
    }
    const reason = suppressionReason(event);
    const address = event.recipient ?? message?.recipient;
    if (reason && address) {
      await suppressAddress({ address, reason, provider, eventId: event.eventId, detail: event.detail, messageId: message?.id ?? null }, tx);
    }
    return true;
  });
}

/**
 * Claims a signature's nonce for these events (kept with the event ids, as
 * `nonce:<value>`, the events' ids as its type). False when the nonce was
 * used before for other events: a captured signature whose body was
 * swapped. The same events again (the provider's own redelivery) pass, and
 * are then found to be duplicates.
 */
export async function claimNonce(provider: WebhookProviderId, nonce: string, events: DeliveryEvent[], now: Date = new Date()): Promise<boolean> {
  const eventId = `nonce:${nonce}`.slice(0, 200);
  const boundTo = events.map((event) => event.eventId).join(" ").slice(0, 100) || "(none)";
  if ((await db.$executeRawUnsafe(CLAIM, provider, eventId, boundTo, now)) === 1) return true;
  const claimed = await db.webhookEvent.findUnique({ where: { provider_eventId: { provider, eventId } }, select: { type: true } });
  return claimed?.type === boundTo;
}

export type Applied = { applied: number; duplicates: number };

/** Applies the events in order (a batch may report a message's deferral, then its delivery) and notes the receipt. */
export async function applyEvents(provider: WebhookProviderId, type: string, events: DeliveryEvent[], now: Date = new Date()): Promise<Applied> {
  let applied = 0;
  for (const event of events) if (await applyOne(provider, event, now)) applied += 1;
  await recordReceipt(provider, type);
  await pruneOccasionally(now);
  return { applied, duplicates: events.length - applied };
}

/**
 * Event ids are kept this long: longer than any provider redelivers (SendGrid
 * for 72 hours, Svix for about 5 days), and signed requests that old fail
 * the timestamp check. (Postmark's unsigned ones would be applied again:
 * harmless, as a status never weakens and a suppression stays.)
 */
export const EVENT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
let prunedAt = 0;

/** Forgets the event ids older than the retention. */
export async function pruneWebhookEvents(now: Date = new Date()): Promise<number> {
  const { count } = await db.webhookEvent.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - EVENT_RETENTION_MS) } } });
  return count;
}

/** At most once an hour per process: one indexed DELETE, off the per-request path the rest of the time. */
async function pruneOccasionally(now: Date): Promise<void> {
  if (now.getTime() - prunedAt < PRUNE_INTERVAL_MS) return;
  prunedAt = now.getTime();
  // The events are applied; a failed clean-up must not make the provider send them again.
  await pruneWebhookEvents(now).catch((error: unknown) => console.error("Webhooks: pruning old event ids failed:", error));
}
