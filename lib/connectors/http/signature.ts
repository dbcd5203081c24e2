import { createHmac } from "node:crypto";

/** Header names of the request signature; the README shows receivers how to check them. */
export const TIMESTAMP_HEADER = "X-Mailgate-Timestamp";
export const SIGNATURE_HEADER = "X-Mailgate-Signature";

/**
 * `v1=` + hex HMAC-SHA256 over `<timestamp>.<raw body>`. The timestamp is
 * inside the signed text so a captured request cannot be replayed later with
 * a fresh timestamp; the version prefix leaves room to change the scheme
 * without breaking receivers that check for it.
 */
export function signRequest(secret: string, timestamp: string, rawBody: string): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.`, "utf8").update(rawBody, "utf8").digest("hex");
  return `v1=${mac}`;
}
