import { createHmac } from "node:crypto";

/**
 * An authenticator app for the end-to-end tests: RFC 6238 TOTP with
 * HMAC-SHA1, 6 digits, 30-second steps. Written apart from lib/account/totp.ts
 * on purpose, so a bug there cannot make its own tests pass.
 */
export const PERIOD_SECONDS = 30;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 as an app accepts it typed in: any case, spaces and padding ignored. */
export function decodeBase32(secret: string): Buffer {
  const bytes: number[] = [];
  let value = 0;
  let bits = 0;
  for (const char of secret.replace(/[\s=-]/g, "").toUpperCase()) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) throw new Error(`Not a base32 character: ${JSON.stringify(char)}`);
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** The time step (RFC 6238 "T") of a moment given in milliseconds. */
export function stepAt(ms: number): number {
  return Math.floor(ms / 1000 / PERIOD_SECONDS);
}

/** The 6-digit code for one time step (RFC 4226 HOTP with that counter). */
export function codeForStep(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeUInt32BE(Math.floor(step / 2 ** 32), 0);
  counter.writeUInt32BE(step >>> 0, 4);
  const mac = createHmac("sha1", decodeBase32(secret)).update(counter).digest();
  const offset = mac[19]! & 0x0f;
  const truncated = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(truncated % 1_000_000).padStart(6, "0");
}

/** What the app shows at `ms` (now by default). */
export function totp(secret: string, ms = Date.now()): string {
  return codeForStep(secret, stepAt(ms));
}

/**
 * A code from a step after `usedStep`: the server refuses a step it already
 * accepted, so a second sign-in within 30 s waits for the next step.
 * Returns the code and its step.
 */
export async function freshTotp(secret: string, usedStep: number | null = null): Promise<{ code: string; step: number }> {
  let now = Date.now();
  // Also skip the last second of a step, so the code is not stale on arrival.
  while ((usedStep !== null && stepAt(now) <= usedStep) || (now / 1000) % PERIOD_SECONDS > PERIOD_SECONDS - 1.5) {
    const wait = (stepAt(now) + 1) * PERIOD_SECONDS * 1000 - now + 50;
    await new Promise((resolve) => setTimeout(resolve, wait));
    now = Date.now();
  }
  return { code: totp(secret, now), step: stepAt(now) };
}
