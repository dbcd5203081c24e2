import { createHmac, randomBytes } from "node:crypto";

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), as every
 * authenticator app implements them. Pure: no database, no env, so the RFC
 * test vectors run against exactly this code.
 */
export type TotpAlgorithm = "SHA1" | "SHA256" | "SHA512";
export type TotpOptions = {
  /** @default "SHA1" — the only one every authenticator app supports */
  algorithm?: TotpAlgorithm;
  /** @default 6 */
  digits?: number;
  /** @default 30 — seconds per time step */
  period?: number;
};

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** 160 bits, the size RFC 4226 recommends for HMAC-SHA1. */
export const TOTP_SECRET_BYTES = 20;

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32, upper case, without padding (what otpauth URIs carry). */
export function base32Encode(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** Decodes base32 as people copy it (any case, spaces, "=" padding); null when it is not base32. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.replace(/[\s=]/g, "").toUpperCase();
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = BASE32.indexOf(char);
    if (value === -1) return null;
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 255);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return Buffer.from(out);
}

/** RFC 4226 HOTP: HMAC of the 8-byte counter, dynamic truncation, `digits` decimal digits. */
export function hotp(secret: Uint8Array, counter: number, options: TotpOptions = {}): string {
  const { algorithm = "SHA1", digits = TOTP_DIGITS } = options;
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm.toLowerCase(), secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return (binary % 10 ** digits).toString().padStart(digits, "0");
}

/** The time step a moment falls in. */
export function totpStep(unixSeconds: number, period = TOTP_PERIOD_SECONDS): number {
  return Math.floor(unixSeconds / period);
}

/** The code an authenticator shows at `unixSeconds`. */
export function totpAt(secret: Uint8Array, unixSeconds: number, options: TotpOptions = {}): string {
  return hotp(secret, totpStep(unixSeconds, options.period), options);
}

export type TotpCheck =
  | { ok: true; step: number }
  | { ok: false; reason: "malformed" | "wrong" | "replayed" };

/**
 * Checks a typed code against the current step and one step either side
 * (clock drift and slow typing). A code from a step at or before
 * `lastStep` — the step of the last code accepted — is refused, so a code
 * seen over someone's shoulder cannot be used again. The caller stores the
 * returned step as the new `lastStep` with a conditional write.
 */
export function verifyTotp(
  secret: Uint8Array,
  input: unknown,
  { now = Date.now(), lastStep = null, window = 1, ...options }: TotpOptions & { now?: number; lastStep?: number | null; window?: number } = {},
): TotpCheck {
  const digits = options.digits ?? TOTP_DIGITS;
  const code = typeof input === "string" ? input.normalize("NFKC").replace(/[\s-]/g, "") : "";
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) return { ok: false, reason: "malformed" };
  const current = totpStep(Math.floor(now / 1000), options.period);
  for (let step = current - window; step <= current + window; step++) {
    // Each candidate is compared in full; the codes are public per step, so
    // timing reveals nothing the attacker could not compute.
    if (hotp(secret, step, options) !== code) continue;
    return lastStep !== null && step <= lastStep ? { ok: false, reason: "replayed" } : { ok: true, step };
  }
  return { ok: false, reason: "wrong" };
}

export function generateTotpSecret(): Buffer {
  return randomBytes(TOTP_SECRET_BYTES);
}

/**
 * The `otpauth://` URI authenticator apps read from the QR code. The label
 * is `issuer:account`; both parts are percent-encoded (a ":" inside the
 * issuer would otherwise split the label wrongly).
 */
export function otpauthUri({ issuer, account, secret }: { issuer: string; account: string; secret: string }): string {
  // "@" stays readable in the account, as in Google's Key URI Format examples.
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account).replace(/%40/g, "@")}`;
  const query = new URLSearchParams({
    secret, issuer, algorithm: "SHA1", digits: String(TOTP_DIGITS), period: String(TOTP_PERIOD_SECONDS),
  });
  // URLSearchParams writes spaces as "+", which some apps show literally.
  return `otpauth://totp/${label}?${query.toString().replace(/\+/g, "%20")}`;
}
