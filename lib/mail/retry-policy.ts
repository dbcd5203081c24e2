import { env } from "@/lib/env";

/**
 * When the outbox tries again. Exponential with ±25 % jitter, so a provider
 * outage does not end with every queued message retried in the same second.
 * Defaults (6 attempts, 60 s base): retries after ~1, 2, 4, 8 and 16 minutes,
 * about 31 minutes from the first attempt to the last.
 */
export type RetryPolicy = { maxAttempts: number; baseSeconds: number };

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: env.OUTBOX_MAX_ATTEMPTS,
  baseSeconds: env.OUTBOX_RETRY_BASE_SECONDS,
};

/** Milliseconds to wait after `attemptsMade` failed attempts; a provider's Retry-After is a floor. */
export function retryDelayMs(attemptsMade: number, policy: RetryPolicy, retryAfterSeconds?: number, random = Math.random): number {
  const exponential = policy.baseSeconds * 2 ** Math.max(0, attemptsMade - 1);
  const jittered = exponential * (0.75 + random() * 0.5);
  return Math.round(Math.max(jittered, retryAfterSeconds ?? 0) * 1000);
}
