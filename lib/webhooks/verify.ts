import { createHash, timingSafeEqual } from "node:crypto";
import type { WebhookRefusal, WebhookVerdict } from "./registry";
import type { DeliveryEvent } from "./types";

/**
 * The checks every provider module shares: a constant-time comparison of
 * secrets, the replay window of signed timestamps, and reading a JSON body
 * that is the provider's to get right (anything else is a 400, never a 500).
 */

/** How far a signed timestamp may be from our clock, either way (SendGrid's, Mailgun's and Svix's advice). */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

/** Equal strings, compared in constant time whatever their lengths (the digests have one length). */
export function safeEqual(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected)) && given.length === expected.length;
}

/** A Unix timestamp in seconds (as text or number) within the tolerance of `now`; false when it is not one. */
export function isFresh(seconds: string | number | null | undefined, now: Date): boolean {
  const value = typeof seconds === "number" ? seconds : /^\d{1,12}$/.test(seconds?.trim() ?? "") ? Number(seconds) : NaN;
  return Number.isFinite(value) && Math.abs(now.getTime() / 1000 - value) <= TIMESTAMP_TOLERANCE_SECONDS;
}

/** The parsed body, or undefined when it is not JSON. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A field's text, or null when it is missing or not a non-empty string (a number is taken as its digits). */
export function textOf(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** A Unix time in seconds or an ISO date as a Date, else `fallback`. */
export function dateOf(value: unknown, fallback: Date): Date {
  const date = typeof value === "number" ? new Date(value * 1000) : typeof value === "string" ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : fallback;
}

export const accept = (type: string, events: DeliveryEvent[], nonce?: string): WebhookVerdict => ({ ok: true, type, events, ...(nonce ? { nonce } : {}) });

export const refuse = (code: WebhookRefusal, headers?: Record<string, string>): WebhookVerdict => ({ ok: false, code, ...(headers ? { headers } : {}) });
