import "server-only";
import { hash, parseOptions, verify } from "@node-rs/argon2";
import { HASH_OPTIONS } from "./password-options";
import { isCommonPassword } from "./common-passwords";

export { HASH_OPTIONS } from "./password-options";

export const MAX_PASSWORD_LENGTH = 128;

/**
 * Hash of a random, discarded password, made with HASH_OPTIONS. Verifying
 * against it costs the same as verifying a real user's hash, so "no such
 * account" and "wrong password" take the same time. A test checks that it
 * still matches HASH_OPTIONS; regenerate it whenever those change.
 */
export const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$tvCg+SNZY3HLEQdMywsfsw$mgjC5YYUfLQ0sTYY2OnOngf9gfxBWzSxrVFtXX3GLlM";

/** Passwords are hashed and measured in NFC so that "é" typed as one or two code points is the same password. */
function canonical(password: string): string {
  return password.normalize("NFC");
}

/** Argon2id PHC string, e.g. `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`. */
export async function hashPassword(password: string): Promise<string> {
  return hash(canonical(password), HASH_OPTIONS);
}

/**
 * True only when `password` matches `storedHash`. Returns false (never
 * throws) for a wrong password, an empty or malformed hash, or non-string
 * input. The parameters are read from the hash itself, so hashes made with
 * older settings still verify; use `needsRehash` to upgrade them.
 */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  if (typeof storedHash !== "string" || typeof password !== "string" || !storedHash) return false;
  try {
    return await verify(storedHash, canonical(password));
  } catch {
    return false;
  }
}

/**
 * Burn the same CPU and memory as a real verification when the account does
 * not exist (or has no password). Always resolves to false.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(DUMMY_HASH, typeof password === "string" ? password : "");
  return false;
}

/**
 * True when the hash was not made with the current HASH_OPTIONS (different
 * algorithm, version, memory/time cost, parallelism or output length), or
 * cannot be parsed. Call after a successful verify and re-hash the password.
 */
export function needsRehash(storedHash: string): boolean {
  try {
    const params = parseOptions(storedHash);
    return (
      params.algorithm !== HASH_OPTIONS.algorithm ||
      params.version !== HASH_OPTIONS.version ||
      params.memoryCost !== HASH_OPTIONS.memoryCost ||
      params.timeCost !== HASH_OPTIONS.timeCost ||
      params.parallelism !== HASH_OPTIONS.parallelism ||
      params.outputLen !== HASH_OPTIONS.outputLen
    );
  } catch {
    return true;
  }
}

export type PasswordPolicyResult = { ok: true } | { ok: false; message: string };

/** Length in Unicode code points of the NFC form (an emoji counts as one). */
export function passwordLength(password: string): number {
  return [...canonical(password)].length;
}

/**
 * Length limits, the common-password list and "not your email address".
 * Deliberately no composition rules (NIST SP 800-63B).
 */
export function checkPasswordPolicy(
  password: string,
  options: { minLength: number; email?: string | null },
): PasswordPolicyResult {
  const pw = canonical(password);
  const length = [...pw].length;
  if (length < options.minLength) {
    return { ok: false, message: `Use at least ${options.minLength} characters.` };
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return { ok: false, message: `Use at most ${MAX_PASSWORD_LENGTH} characters.` };
  }
  if (isCommonPassword(pw)) {
    return { ok: false, message: "This password is too common. Choose something harder to guess." };
  }
  if (options.email) {
    const email = options.email.normalize("NFKC").trim().toLowerCase();
    const at = email.lastIndexOf("@");
    const localPart = at > 0 ? email.slice(0, at) : email;
    const lower = pw.normalize("NFKC").toLowerCase();
    if (lower === email || lower === localPart) {
      return { ok: false, message: "Don't use your email address as your password." };
    }
  }
  return { ok: true };
}
