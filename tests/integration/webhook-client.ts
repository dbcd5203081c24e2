import { randomUUID } from "node:crypto";
import { POST } from "@/app/api/webhooks/[provider]/route";
import { db } from "@/lib/db";
import { findSuppression } from "@/lib/deliverability/suppressions";

/**
 * Drives the real webhook route handler against the test database, with
 * requests built the way each provider sends them (the tests sign them with
 * keys they make). Every address and message id is new per call, so files
 * sharing one PostgreSQL database never see each other's rows.
 */
export type Answer = { status: number; json: { received?: number; applied?: number; duplicates?: number; error?: { code: string } } | null; headers: Headers };

export async function post(provider: string, body: string, headers: Record<string, string> = {}, method = "POST"): Promise<Answer> {
  const request = new Request(`http://127.0.0.1:3000/api/webhooks/${provider}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: method === "GET" ? undefined : body,
  });
  const response = await POST(request, { params: Promise.resolve({ provider }) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, headers: response.headers };
}

/** A unique address at the webhooks test domain. */
export const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@webhooks.test`;

/** An outbox row for a code email that was handed over as `providerMessageId`; its id. */
export async function sentMessage(recipient: string, providerMessageId: string, connector: string): Promise<string> {
  const id = randomUUID();
  await db.emailMessage.create({
    data: {
      id,
      idempotencyKey: id,
      purpose: "Register",
      recipient,
      locale: "en",
      connector,
      subject: "123456 is your code",
      status: "sent",
      attempts: 1,
      providerMessageId,
      sentAt: new Date(),
    },
  });
  return id;
}

/** What the outbox row says about delivery now. */
export async function delivery(id: string) {
  return db.emailMessage.findUniqueOrThrow({ where: { id }, select: { deliveryStatus: true, deliveryDetail: true, deliveryUpdatedAt: true } });
}

export async function suppression(recipient: string) {
  return findSuppression(recipient);
}

export const unixNow = (offsetSeconds = 0) => String(Math.floor(Date.now() / 1000) + offsetSeconds);
