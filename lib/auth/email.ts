/**
 * Email address normalisation and validation. No server-only imports: safe to
 * use from client components as well as server code.
 *
 * Two forms of an address exist:
 * - the *normalised* address from `normalizeEmail`: NFKC, trimmed, domain
 *   lowercased, local part kept as typed. RFC 5321 §2.4 allows the local part
 *   to be case-sensitive, so this is the form mail is sent to and shown back.
 * - the *key* from `emailKey`: the whole address lowercased. In practice no
 *   provider treats `Alice@` and `alice@` as different people, so this is
 *   what uniqueness and look-ups (and per-address rate limits) use.
 */

export const EMPTY_EMAIL_MESSAGE = "Enter your email address.";
export const INVALID_EMAIL_MESSAGE = "Enter a valid email address, like name@example.com.";

export type NormalizeEmailResult = { ok: true; email: string } | { ok: false; message: string };

/** RFC 5321 path limit (256 octets minus the angle brackets). */
const MAX_ADDRESS_OCTETS = 254;
const MAX_LOCAL_OCTETS = 64;
const MAX_DOMAIN_OCTETS = 253;
const MAX_LABEL_OCTETS = 63;

/** Whitespace, separators, control, format (zero-width etc.), surrogate and private-use characters. */
const FORBIDDEN = /[\s\p{Z}\p{Cc}\p{Cf}\p{Cs}\p{Co}]/u;
/**
 * Unquoted local part: RFC 5322 atext plus dots (checked separately), and any
 * non-ASCII character (RFC 6531). Quoted local parts are not supported.
 */
const LOCAL_CHARS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-\u0080-\u{10FFFF}]+$/u;
/** Domain before IDNA conversion: ASCII letters, digits, hyphens and dots, or non-ASCII. */
const DOMAIN_CHARS = /^[a-z0-9.\-\u0080-\u{10FFFF}]+$/u;
/** One DNS label in ASCII (letters, digits, hyphens; no leading/trailing hyphen). */
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

const encoder = new TextEncoder();
const octets = (s: string): number => encoder.encode(s).length;

const invalid = (): NormalizeEmailResult => ({ ok: false, message: INVALID_EMAIL_MESSAGE });

/** ASCII (punycode) form of one domain label, or null if it is not a valid label. */
function asciiLabel(label: string): string | null {
  let ascii = label;
  if (!ASCII_ONLY.test(label)) {
    // WHATWG URL applies IDNA (UTS #46) to hosts; it exists in Node and browsers.
    try {
      ascii = new URL(`http://${label}/`).hostname;
    } catch {
      return null;
    }
    // IDNA mapping may turn a character into a dot (e.g. U+3002): that is not one label.
    if (ascii.includes(".")) return null;
  }
  if (ascii.length > MAX_LABEL_OCTETS || !LDH_LABEL.test(ascii)) return null;
  return ascii;
}

function isValidDomain(domain: string): boolean {
  if (!DOMAIN_CHARS.test(domain)) return false;
  const labels = domain.split(".");
  // Needs a dot; empty labels cover leading, trailing and consecutive dots.
  if (labels.length < 2 || labels.some((label) => label === "")) return false;
  const asciiLabels: string[] = [];
  for (const label of labels) {
    const ascii = asciiLabel(label);
    if (ascii === null) return false;
    asciiLabels.push(ascii);
  }
  if (asciiLabels.join(".").length > MAX_DOMAIN_OCTETS) return false;
  // An all-numeric top-level label means an IP address, not a domain name.
  const tld = asciiLabels[asciiLabels.length - 1] ?? "";
  return !/^[0-9]+$/.test(tld);
}

function isValidLocalPart(local: string): boolean {
  if (octets(local) > MAX_LOCAL_OCTETS) return false;
  if (!LOCAL_CHARS.test(local)) return false; // also rejects quotes, spaces, specials
  return !local.startsWith(".") && !local.endsWith(".") && !local.includes("..");
}

/**
 * Validate and normalise a typed address: NFKC (so fullwidth
 * `ｕｓｅｒ＠ｅｘａｍｐｌｅ.com` becomes `user@example.com`), trim, lowercase the
 * domain, keep the local part's case. Accepts `unknown` so a raw
 * `FormData.get()` value can be passed directly; anything but a string counts
 * as empty.
 */
export function normalizeEmail(input: unknown): NormalizeEmailResult {
  if (typeof input !== "string") return { ok: false, message: EMPTY_EMAIL_MESSAGE };
  const value = input.normalize("NFKC").trim();
  if (value === "") return { ok: false, message: EMPTY_EMAIL_MESSAGE };
  if (octets(value) > MAX_ADDRESS_OCTETS) return invalid();
  if (FORBIDDEN.test(value)) return invalid();

  const parts = value.split("@");
  if (parts.length !== 2) return invalid();
  const [local = "", rawDomain = ""] = parts;
  if (local === "" || rawDomain === "") return invalid();

  // toLowerCase after NFKC is enough for IDN domains; the ASCII (punycode)
  // form is only used for validation.
  const domain = rawDomain.toLowerCase();
  if (!isValidLocalPart(local) || !isValidDomain(domain)) return invalid();

  return { ok: true, email: `${local}@${domain}` };
}

/**
 * Unique look-up key for an address: the whole address lowercased. Pass the
 * `email` from a successful `normalizeEmail`; the extra NFKC + trim only makes
 * the function idempotent, it does not validate.
 */
export function emailKey(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}
