import { maskEmail } from "@/emails/components/mask-email";
import { EMAIL_KINDS, type EmailKind } from "@/emails/kinds";
import { emailKey, normalizeEmail } from "@/lib/auth/email";
import type { ErrorCode } from "@/lib/errors/codes";
import { DELIVERY_STATUSES as REPORTED_STATUSES, type DeliveryStatus as ReportedStatus } from "@/lib/webhooks/types";
import type { OutboxStatus } from "./outbox";

/**
 * The pure half of the console's deliveries page: parsing its query string,
 * masking, the hourly chart's buckets, the retry rules as the list shows
 * them, and the preview document. No database here, so it is unit-tested
 * on its own; lib/mail/deliveries.ts does the queries.
 */

export const DELIVERIES_PAGE_SIZE = 50;

// Listed again (not imported) so this file stays free of the database; the check below keeps the lists in step.
export const DELIVERY_STATUSES = ["queued", "sending", "sent", "failed", "dead"] as const;
const everyStatusListed: Exclude<OutboxStatus, (typeof DELIVERY_STATUSES)[number]> extends never ? true : false = true;
void everyStatusListed;

export const isDeliveryStatus = (value: unknown): value is OutboxStatus => (DELIVERY_STATUSES as readonly unknown[]).includes(value);
/** What a provider's webhook last reported about a message (EmailMessage.deliveryStatus). */
export const isReportedStatus = (value: unknown): value is ReportedStatus => (REPORTED_STATUSES as readonly unknown[]).includes(value);
export { REPORTED_STATUSES, type ReportedStatus };

export const isEmailKind = (value: unknown): value is EmailKind => (EMAIL_KINDS as readonly unknown[]).includes(value);

/**
 * `ada.lovelace@example.com` → `a•••e@example.com`: enough for an operator to
 * recognise an address someone quotes, not enough to read it off a screen.
 */
export const maskRecipient = (address: string): string => maskEmail(address, { keepLast: true });

/** At most `max` characters (code points), with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

/**
 * Hides 6-digit codes (`123456`, `123 456`) in a subject: code emails put
 * the code first in the subject, and a code that was sent may still be
 * usable for minutes. The body of a sent message is dropped for the same reason.
 */
export function hideCodes(subject: string): string {
  return subject.replace(new RegExp(CODE_PATTERN.source, "g"), "••••••");
}

/** A 6-digit code as emails write it (`123456`, `123 456`, `123-456`), not inside a longer word or number. */
export const CODE_PATTERN = /(?<![\w-])\d{3}[ \u00a0-]?\d{3}(?![\w-])/;

// ---------------------------------------------------------------------------
// Query string

export type DeliveryFilters = {
  status?: OutboxStatus;
  /** The provider's report (delivered, deferred, bounced, complained). */
  report?: ReportedStatus;
  purpose?: EmailKind;
  /** The address forms to match exactly (as typed after normalising, and lower-cased). */
  recipient?: { input: string; matches: string[] };
};

export type DeliveryCursor = { direction: "older" | "newer"; createdAt: Date; id: string };

export type DeliveryQuery = {
  filters: DeliveryFilters;
  cursor: DeliveryCursor | null;
  /** Why the recipient filter cannot match a whole address, when it cannot. */
  recipientProblem: string | null;
};

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? "") : (value ?? "")).trim();

/** Reads `status`, `report`, `purpose`, `recipient` and the `after`/`before` cursor; unknown values are ignored. */
export function parseDeliveryQuery(params: SearchParams): DeliveryQuery {
  const filters: DeliveryFilters = {};
  const status = first(params.status);
  if (isDeliveryStatus(status)) filters.status = status;
  const report = first(params.report);
  if (isReportedStatus(report)) filters.report = report;
  const purpose = first(params.purpose);
  if (isEmailKind(purpose)) filters.purpose = purpose;

  let recipientProblem: string | null = null;
  const recipient = first(params.recipient);
  if (recipient) {
    const normalized = normalizeEmail(recipient);
    // Addresses are stored with the local part as typed; lower case is how nearly everyone types them.
    const forms = normalized.ok ? [normalized.email, emailKey(normalized.email)] : [recipient.toLowerCase()];
    filters.recipient = { input: recipient, matches: [...new Set(forms)] };
    if (!normalized.ok) recipientProblem = "Enter a whole address, like name@example.com: the filter matches complete addresses only.";
  }

  const after = decodeCursor(first(params.after));
  const before = decodeCursor(first(params.before));
  const cursor = after ? { direction: "older" as const, ...after } : before ? { direction: "newer" as const, ...before } : null;
  return { filters, cursor, recipientProblem };
}

/** `<ms since epoch>_<id>`: the keyset position of a row in the newest-first list. */
export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return `${row.createdAt.getTime()}_${row.id}`;
}

// 9999-12-31T23:59:59.999Z: a cursor comes from a stored row, and neither database driver takes a later date (Prisma refuses to send one).
const LAST_STORABLE_MS = 253_402_300_799_999;

export function decodeCursor(value: string): { createdAt: Date; id: string } | null {
  const match = /^(\d{1,15})_([A-Za-z0-9-]{1,64})$/.exec(value);
  if (!match || Number(match[1]) > LAST_STORABLE_MS) return null;
  return { createdAt: new Date(Number(match[1])), id: match[2]! };
}

/** The page's URL with some parameters changed (undefined drops one), for filter and paging links. */
export function deliveriesHref(filters: DeliveryFilters, change: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  const base: Record<string, string | undefined> = {
    status: filters.status,
    report: filters.report,
    purpose: filters.purpose,
    recipient: filters.recipient?.input,
  };
  for (const [key, value] of Object.entries({ ...base, ...change })) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/console/deliveries?${query}` : "/console/deliveries";
}

// ---------------------------------------------------------------------------
// Hourly chart

export const CHART_HOURS = 24;
const HOUR_MS = 3600_000;

/** The error code of a send that was handed over and never answered (ConnectorError.outcomeUnknown). */
export const UNKNOWN_OUTCOME = "unknown_outcome" satisfies ErrorCode;

/** Dead for reasons that are not a failed send: a newer code replaced it, it expired waiting, or its invitation was withdrawn. */
export const NOT_SEND_FAILURES: readonly string[] = ["superseded", "expired", "withdrawn"] satisfies ErrorCode[];

export type ChartRow = { status: string; sentAt: Date | null; lastAttemptAt: Date | null; errorCode: string | null };
export type HourBucket = { start: Date; sent: number; failed: number };

/** Start of the first hour shown: the chart ends with the current (partial) UTC hour. */
export function chartStart(now: Date, hours = CHART_HOURS): Date {
  return new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - (hours - 1) * HOUR_MS);
}

/**
 * Sent and failed per UTC hour. Sent counts at `sentAt`; failed counts a
 * message whose latest attempt failed (status failed: will retry; dead: gave
 * up) at `lastAttemptAt`. Superseded and expired messages are left out, as
 * the connector page leaves them out of its failure count.
 */
export function bucketByHour(rows: readonly ChartRow[], now: Date, hours = CHART_HOURS): HourBucket[] {
  const start = chartStart(now, hours).getTime();
  const buckets: HourBucket[] = Array.from({ length: hours }, (_, i) => ({ start: new Date(start + i * HOUR_MS), sent: 0, failed: 0 }));
  const slot = (date: Date | null) => {
    if (!date) return null;
    const index = Math.floor((date.getTime() - start) / HOUR_MS);
    return index >= 0 && index < hours ? buckets[index]! : null;
  };
  for (const row of rows) {
    if (row.status === "sent") {
      const bucket = slot(row.sentAt);
      if (bucket) bucket.sent += 1;
    } else if ((row.status === "failed" || row.status === "dead") && !NOT_SEND_FAILURES.includes(row.errorCode ?? "")) {
      const bucket = slot(row.lastAttemptAt);
      if (bucket) bucket.failed += 1;
    }
  }
  return buckets;
}

/** "14:00" (UTC). */
export const hourLabel = (date: Date) => `${String(date.getUTCHours()).padStart(2, "0")}:00`;

/** One sentence for assistive tech: totals and the busiest hours. */
export const chartSummary = (buckets: readonly HourBucket[]): string => chartSummaryParts(buckets).join(" ");

/** The summary's sentences, each one text the console's catalogue translates (consoleLib). */
export function chartSummaryParts(buckets: readonly HourBucket[]): string[] {
  const sent = buckets.reduce((n, b) => n + b.sent, 0);
  const failed = buckets.reduce((n, b) => n + b.failed, 0);
  const parts = [`Emails per hour over the last ${buckets.length} hours (UTC): ${sent} sent, ${failed} failed in total.`];
  const peak = (key: "sent" | "failed") => buckets.reduce<HourBucket | null>((best, b) => (b[key] > (best?.[key] ?? 0) ? b : best), null);
  const peakSent = peak("sent");
  const peakFailed = peak("failed");
  if (peakSent) parts.push(`Most sent: ${peakSent.sent} in the hour from ${hourLabel(peakSent.start)}.`);
  if (peakFailed) parts.push(`Most failed: ${peakFailed.failed} in the hour from ${hourLabel(peakFailed.start)}.`);
  return parts;
}

// ---------------------------------------------------------------------------
// Retry (what an error code means is in lib/errors/codes.ts: operatorText)

export type RetryableRow = { status: string; errorCode: string | null; hasBody: boolean; expiresAt: Date | null };

/**
 * Why "Retry" is not offered for a failed or dead message, or null when it
 * is. The same rules as `requeue` in outbox.ts (which has the last word), so
 * the list can show the reason instead of a button that would be refused.
 */
export function retryRefusal(row: RetryableRow, now: Date = new Date()): string | null {
  if (row.status === "sent") return "This message was already sent.";
  if (row.status === "sending" || row.status === "queued") return "This message is already waiting to be sent.";
  if (row.errorCode === "superseded") return "A newer email of the same kind replaced this one.";
  if (row.expiresAt && row.expiresAt <= now) return "The code in this message has expired; the user needs to request a new one.";
  if (!row.hasBody) return "The content of this message is no longer kept.";
  return null;
}

// ---------------------------------------------------------------------------
// Preview

/**
 * The policy inside the preview iframe (which is also sandbox=""): no
 * scripts, forms, frames or connections; inline styles and https/data images
 * only, as mail clients show them.
 */
export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; font-src https: data:; form-action 'none'; base-uri 'none'";

/**
 * The email's HTML with a CSP meta as its very first element (right after a
 * doctype, which keeps standards mode): the parser then opens <head> for it,
 * so it applies before anything the email itself contains.
 */
export function previewDocument(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`;
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? `${doctype[0]}${meta}${html.slice(doctype[0].length)}` : `${meta}${html}`;
}
