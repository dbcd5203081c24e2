import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Authenticated encryption for data at rest (connector secrets, queued email
 * bodies): AES-256-GCM with a random 96-bit IV. A sealed value is
 * `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url), so old values stay
 * readable while a new key encrypts: list the new key first in
 * ENCRYPTION_KEYS, keep the old ones after it until everything is resealed.
 *
 * `context` is bound as associated data: a value sealed for one row or
 * purpose cannot be moved to another and still open.
 */
type Key = { id: string; key: Buffer };

function loadKeys(): Key[] {
  if (!env.ENCRYPTION_KEYS) {
    const key = Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "mailgate", "seal-v1", 32));
    // The id names the key without revealing it, so a rotated AUTH_SECRET fails as "unknown key", not as garbage.
    return [{ id: `a${createHash("sha256").update(key).digest("hex").slice(0, 8)}`, key }];
  }
  return env.ENCRYPTION_KEYS.split(",").map((entry, i) => {
    const [id, b64, ...rest] = entry.trim().split(":");
    const key = Buffer.from(b64 ?? "", "base64");
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || rest.length > 0 || key.length !== 32) {
      throw new Error(`ENCRYPTION_KEYS entry ${i + 1} must be "<id>:<base64 of 32 random bytes>" (generate one with: openssl rand -base64 32).`);
    }
    return { id, key };
  });
}

const keys = loadKeys();

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealError";
  }
}

export function seal(plaintext: string, context: string): string {
  const { id, key } = keys[0]!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function open(sealed: string, context: string): string {
  const [version, id, iv, tag, ciphertext, ...rest] = sealed.split(".");
  if (version !== "v1" || !id || !iv || !tag || ciphertext === undefined || rest.length > 0) {
    throw new SealError("Not a sealed value.");
  }
  const entry = keys.find((k) => k.id === id);
  if (!entry) {
    throw new SealError(`Sealed with key "${id}", which is not in ENCRYPTION_KEYS (was AUTH_SECRET or a key removed?).`);
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", entry.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SealError("Sealed value failed authentication (tampered, or sealed for another record).");
  }
}

/** The id of the key new values are sealed with (shown in the console). */
export const currentKeyId = keys[0]!.id;

/** True when a value was sealed with an older key and should be resealed. */
export function needsReseal(sealed: string): boolean {
  return sealed.split(".")[1] !== currentKeyId;
}
