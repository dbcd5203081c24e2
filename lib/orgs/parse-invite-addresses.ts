import { failField } from "@/lib/errors/failure";
import { parseEmail } from "@/lib/auth/validate";
import { ok, type Result } from "@/lib/result";
import { MAX_ADDRESSES_PER_SUBMISSION } from "./invitation-rules";

/**
 * The addresses of one invitation form: a list, or one text with addresses
 * separated by commas, semicolons, spaces or new lines. Each is validated
 * and normalised exactly as sign-up does (lib/auth/validate.ts), and the
 * same address twice counts once. 1–20 per submission; any invalid one
 * refuses the whole submission, naming it, so nothing is half sent.
 */
export function parseInviteAddresses(raw: unknown): Result<string[]> {
  const parts = (Array.isArray(raw) ? raw : [raw])
    .flatMap((item) => (typeof item === "string" ? item.split(/[\s,;]+/) : []))
    .filter((part) => part !== "");
  if (parts.length === 0) return failField("emails", "Enter at least one email address.");
  if (parts.length > MAX_ADDRESSES_PER_SUBMISSION * 5) return tooMany(parts.length);
  const emails = [...new Set(parts.map((part) => parseEmail(part)).flatMap((r) => (r.ok ? [r.value] : [])))];
  const invalid = parts.filter((part) => !parseEmail(part).ok);
  if (invalid.length > 0) {
    const shown = invalid.slice(0, 5).map((part) => (part.length > 60 ? `${part.slice(0, 57)}…` : part));
    return failField("emails", `${invalid.length === 1 ? "This isn't a valid email address" : "These aren't valid email addresses"}: ${shown.join(", ")}${invalid.length > 5 ? ` and ${invalid.length - 5} more` : ""}.`);
  }
  return emails.length > MAX_ADDRESSES_PER_SUBMISSION ? tooMany(emails.length) : ok(emails);
}

const tooMany = (count: number) =>
  failField("emails", `Invite at most ${MAX_ADDRESSES_PER_SUBMISSION} addresses at a time (you entered ${count}).`);
