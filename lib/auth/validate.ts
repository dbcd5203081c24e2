import "server-only";
import { ok, type Result } from "@/lib/result";
import { failField } from "@/lib/errors/failure";
import { emailKey, normalizeEmail } from "./email";
import { checkPasswordPolicy } from "./password";

/** The canonical address used as the account key and bound into codes. */
export function parseEmail(raw: unknown): Result<string> {
  const parsed = normalizeEmail(typeof raw === "string" ? raw : "");
  return parsed.ok ? ok(emailKey(parsed.email)) : failField("email", parsed.message);
}

export function parseNewPassword(raw: unknown, minLength: number, email?: string, field = "password"): Result<string> {
  const password = typeof raw === "string" ? raw : "";
  const policy = checkPasswordPolicy(password, { minLength, email });
  return policy.ok ? ok(password) : failField(field, policy.message);
}

/** An optional display name: trimmed, at most 100 characters, no control characters; null when empty. */
export function parseDisplayName(raw: unknown, field = "name"): Result<string | null> {
  const name = typeof raw === "string" ? raw.trim().slice(0, 100) : "";
  if (name.length > 0 && /[\u0000-\u001f]/.test(name)) return failField(field, "Use letters, numbers and spaces only.");
  return ok(name || null);
}
