import "server-only";
import { createHash, createHmac, hkdfSync, randomInt, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Codes are never stored: only HMAC-SHA256(key, purpose | email | flow | code).
 * The key is derived from AUTH_SECRET; its id is stored with each code so a
 * rotated secret makes old codes fail cleanly instead of matching by chance.
 */
const key = Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "mailgate", "otp-hmac-v1", 32));
export const CODE_KEY_ID = createHash("sha256").update(key).digest("hex").slice(0, 12);

export function generateCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

export function hashCode(parts: { purpose: string; email: string; flowId: string; code: string }): string {
  return createHmac("sha256", key)
    .update([parts.purpose, parts.email, parts.flowId, parts.code].join("\n"))
    .digest("hex");
}

export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Accepts what people paste: "123 456", "123-456", full-width digits. */
export function cleanCodeInput(input: string): string | null {
  const digits = input.normalize("NFKC").replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}
