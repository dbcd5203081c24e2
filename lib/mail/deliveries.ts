import "server-only";
import { db } from "@/lib/db";
import { SealError } from "@/lib/crypto/seal";
import { openBody, type OutboxStatus, type QueuedBody } from "./outbox";
import {
  bucketByHour,
  chartStart,
  DELIVERIES_PAGE_SIZE,
  DELIVERY_STATUSES,
  encodeCursor,
  isReportedStatus,
  type DeliveryCursor,
  type DeliveryFilters,
  type HourBucket,
  type ReportedStatus,
} from "./deliveries-view";

/**
 * What the console's deliveries pages read from the outbox. Plain Prisma
 * queries only, so they run the same on SQLite and PostgreSQL. The sealed
 * body never leaves this file: the list gets `hasBody`, the message page
 * the opened content.
 */

const listSelect = {
  id: true,
  purpose: true,
  recipient: true,
  locale: true,
  connector: true,
  subject: true,
  status: true,
  attempts: true,
  maxAttempts: true,
  nextAttemptAt: true,
  expiresAt: true,
  errorCode: true,
  errorMessage: true,
  providerMessageId: true,
  deliveryStatus: true,
  deliveryDetail: true,
  deliveryUpdatedAt: true,
  createdAt: true,
  lastAttemptAt: true,
  sentAt: true,
} as const;

export type DeliveryRow = {
  id: string;
  purpose: string;
  recipient: string;
  locale: string;
  connector: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: Date | null;
  expiresAt: Date | null;
  errorCode: string | null;
  errorMessage: string | null;
  providerMessageId: string | null;
  /** What the provider's webhook last reported, its words and when (lib/webhooks). */
  deliveryStatus: ReportedStatus | null;
  deliveryDetail: string | null;
  deliveryUpdatedAt: Date | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  sentAt: Date | null;
  /** The sealed content is still stored (not sent yet, and not dropped). */
  hasBody: boolean;
};

export type DeliveryPage = {
  rows: DeliveryRow[];
  /** Cursor for the next page of older messages (`?after=`), when there is one. */
  older: string | null;
  /** Cursor for the page of newer messages (`?before=`), when this is not the first page. */
  newer: string | null;
};

function filterWhere(filters: DeliveryFilters) {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.report ? { deliveryStatus: filters.report } : {}),
    ...(filters.purpose ? { purpose: filters.purpose } : {}),
    ...(filters.recipient ? { recipient: { in: filters.recipient.matches } } : {}),
  };
}

/** Rows strictly older (or newer) than the cursor in (createdAt, id) order: a keyset, so new mail does not shift the pages. */
function cursorWhere(cursor: DeliveryCursor) {
  const op = cursor.direction === "older" ? "lt" : "gt";
  return { OR: [{ createdAt: { [op]: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { [op]: cursor.id } }] };
}

type StoredRow = Omit<DeliveryRow, "hasBody" | "status" | "deliveryStatus"> & { status: string; deliveryStatus: string | null; body: string | null };

function toRow({ body, status, deliveryStatus, ...row }: StoredRow): DeliveryRow {
  return { ...row, status: status as OutboxStatus, deliveryStatus: isReportedStatus(deliveryStatus) ? deliveryStatus : null, hasBody: body !== null };
}

/** One page of messages, newest first, `pageSize` per page. */
export async function listDeliveries(filters: DeliveryFilters, cursor: DeliveryCursor | null, pageSize = DELIVERIES_PAGE_SIZE): Promise<DeliveryPage> {
  const newer = cursor?.direction === "newer";
  const order = newer ? "asc" : "desc";
  const found = await db.emailMessage.findMany({
    where: { ...filterWhere(filters), ...(cursor ? cursorWhere(cursor) : {}) },
    orderBy: [{ createdAt: order }, { id: order }],
    // One extra row tells whether there is a further page.
    take: pageSize + 1,
    select: { ...listSelect, body: true },
  });
  const more = found.length > pageSize;
  const page = found.slice(0, pageSize);
  if (newer) page.reverse();
  const rows = page.map(toRow);
  const top = rows[0];
  const bottom = rows[rows.length - 1];
  if (!cursor) return { rows, older: more && bottom ? encodeCursor(bottom) : null, newer: null };
  if (newer) {
    return { rows, older: bottom ? encodeCursor(bottom) : null, newer: more && top ? encodeCursor(top) : null };
  }
  // Paging back from a row: the cursor's own row (or its newer neighbours) is on the previous page.
  return { rows, older: more && bottom ? encodeCursor(bottom) : null, newer: top ? encodeCursor(top) : encodeCursor(cursor) };
}

export type StatusCounts = Record<OutboxStatus, number> & { total: number };

/** Messages per status under the purpose and recipient filters (the status filter is what these counts choose). */
export async function countDeliveriesByStatus(filters: DeliveryFilters): Promise<StatusCounts> {
  const groups = await db.emailMessage.groupBy({
    by: ["status"],
    where: filterWhere({ ...filters, status: undefined }),
    _count: { _all: true },
  });
  const counts = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  let total = 0;
  for (const group of groups) {
    total += group._count._all;
    if (group.status in counts) counts[group.status as OutboxStatus] += group._count._all;
  }
  return { ...counts, total };
}

/**
 * Sent and failed per hour over the last 24 hours. Only the timestamps and
 * status of the window's rows are read, and bucketed in JS: hour truncation
 * differs between SQLite and PostgreSQL, and this stays one portable query.
 */
export async function getHourlyDeliveries(now: Date = new Date()): Promise<HourBucket[]> {
  const since = chartStart(now);
  const rows = await db.emailMessage.findMany({
    where: {
      OR: [{ sentAt: { gte: since } }, { status: { in: ["failed", "dead"] }, lastAttemptAt: { gte: since } }],
    },
    select: { status: true, sentAt: true, lastAttemptAt: true, errorCode: true },
  });
  return bucketByHour(rows, now);
}

export type DeliveryContent =
  | { kept: true; body: QueuedBody }
  | { kept: false; reason: "sent" | "dropped" | "unreadable"; detail?: string };

export type DeliveryDetail = DeliveryRow & { idempotencyKey: string; content: DeliveryContent };

/** One message with everything about it, and its content when still kept (admins only: the caller checks). */
export async function getDelivery(id: string): Promise<DeliveryDetail | null> {
  const found = await db.emailMessage.findUnique({ where: { id }, select: { ...listSelect, body: true, idempotencyKey: true } });
  if (!found) return null;
  const { idempotencyKey, ...rest } = found;
  return { ...toRow(rest), idempotencyKey, content: openContent(found.id, found.status, found.body) };
}

function openContent(id: string, status: string, sealed: string | null): DeliveryContent {
  if (sealed === null) return { kept: false, reason: status === "sent" ? "sent" : "dropped" };
  try {
    return { kept: true, body: openBody(id, sealed) };
  } catch (error) {
    // A rotated-out key or a damaged row: say so rather than fail the page.
    if (error instanceof SealError || error instanceof SyntaxError) return { kept: false, reason: "unreadable", detail: error.message };
    throw error;
  }
}
