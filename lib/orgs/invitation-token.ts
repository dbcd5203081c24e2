import "server-only";
import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * The secret in an invitation link (/invite/<token>): 32 random bytes,
 * never stored. The row keeps HMAC-SHA256(key, token) under a unique index,
 * so the database alone cannot produce a working link, and a look-up by the
 * hash finds the one invitation the token belongs to. Every send makes a new
 * token (the old link stops working); accepting or declining ends it.
 */
const key = Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "mailgate", "invitation-token-v1", 32));

export function generateInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What a token looks like (32 bytes, base64url); pages check it before building a path from one. */
export const isInvitationToken = (token: unknown): token is string => typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);

/** The stored form of a token; null for anything that cannot be one (so it is never looked up). */
export function hashInvitationToken(token: unknown): string | null {
  if (!isInvitationToken(token)) return null;
  return createHmac("sha256", key).update(token).digest("hex");
}
