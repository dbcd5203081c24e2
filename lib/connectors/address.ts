import { decodeEncodedWords } from "./decode-words";
import { ConnectorError } from "./types";

/**
 * Address and header helpers shared by the connectors and `active.ts`. Pure
 * functions, safe on the client and the server.
 *
 * Everything that ends up in a mail header goes through here first: a CR or
 * LF inside a display name or subject would let its author start a new header
 * line (`Bcc: …`), or, hidden in an encoded word, make a mail client show one,
 * so line breaks are removed (after decoding) rather than trusted to the
 * encoder further down.
 */

export type Mailbox = { name?: string; address: string };

// C0 controls (CR, LF, NUL, TAB…), DEL, NEL and the Unicode line/paragraph separators.
const LINE_BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;

/**
 * Header text (display names, subjects) as a reader will see it, made safe:
 * RFC 2047 encoded words are decoded first (a client would decode
 * `=?UTF-8?B?…?=` into whatever it hides, line breaks included), then line
 * breaks and other control characters become a space, and what is left of
 * encoded-word syntax is broken up (`=?` → `= ?`) so nothing is decoded
 * later. Runs of spaces collapse; the result is trimmed. The encoders further
 * down encode the plain text again where it is not ASCII.
 */
export function sanitizeHeaderText(value: string): string {
  return decodeEncodedWords(value)
    .replace(LINE_BREAKS_AND_CONTROLS, " ")
    .replace(/=\?/g, "= ?")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** True when the string contains CR or LF (or another header-breaking control character). */
export function hasLineBreak(value: string): boolean {
    return /[\r\n\u0000\u0085\u2028\u2029]/.test(value);
}

/**
 * One plain address (`local@domain`), nothing else: no display name, no list,
 * no whitespace or control characters. Deliberately permissive about the
 * domain (`no-reply@localhost` is a valid sender in development).
 */
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= 320 && ADDRESS.test(value) && !hasLineBreak(value);
}

/**
 * Parses `Name <addr@example.com>`, `"Name, Inc." <addr@example.com>`,
 * `<addr@example.com>` or a bare `addr@example.com`. The display name is
 * unquoted and stripped of line breaks; an empty name is dropped.
 *
 * Throws an Error naming the problem when the value is not one address.
 */
export function parseMailbox(input: string): Mailbox {
  const value = input.trim();
  if (!value) throw new Error("is empty; expected `Name <address@example.com>` or `address@example.com`");

  let name: string | undefined;
  let address: string;
  const angle = /^([\s\S]*?)<([^<>]*)>$/.exec(value);
  if (angle) {
    name = unquote((angle[1] ?? "").trim());
    address = (angle[2] ?? "").trim();
  } else {
    address = value;
  }

  if (!isEmailAddress(address)) {
    throw new Error(`"${sanitizeHeaderText(address)}" is not a valid email address; expected \`Name <address@example.com>\` or \`address@example.com\``);
  }
  const cleanName = name === undefined ? "" : sanitizeHeaderText(name);
  return cleanName ? { name: cleanName, address } : { address };
}

/** `parseMailbox` without the throw: null when the value is not one address. */
export function tryParseMailbox(input: string): Mailbox | null {
  try {
    return parseMailbox(input);
  } catch {
    return null;
  }
}

/** Renders a mailbox for display or storage: `Name <address>` or `address`. */
export function formatMailbox(mailbox: Mailbox): string {
  const name = mailbox.name ? sanitizeHeaderText(mailbox.name) : "";
  return name ? `${name} <${mailbox.address}>` : mailbox.address;
}

function unquote(name: string): string {
  if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) {
    return name.slice(1, -1).replace(/\\(.)/g, "$1");
  }
  return name;
}

/**
 * Headers a caller may not set through `OutboundMessage.headers`: they are
 * built from the message's own fields, and overriding them (a second `To`, a
 * `Bcc`) would change who receives the email or how it is parsed.
 */
export const RESERVED_HEADERS: ReadonlySet<string> = new Set([
  "from",
  "to",
  "cc",
  "bcc",
  "subject",
  "sender",
  "reply-to",
  "return-path",
  "mime-version",
  "content-type",
  "content-transfer-encoding",
  "content-disposition",
]);

/** RFC 5322 field name: printable US-ASCII except colon. */
const HEADER_NAME = /^[!-9;-~]+$/;

/**
 * Validates `OutboundMessage.headers` the same way for every connector:
 * refuses (ConnectorError provider_error, before anything is sent) a name
 * that is not a header name, a reserved header, or a value with a line break.
 */
export function checkExtraHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!HEADER_NAME.test(name) || name.length > 200) {
      throw new ConnectorError("provider_error", `Refused to send: "${sanitizeHeaderText(name).slice(0, 60)}" is not a valid header name.`);
    }
    if (RESERVED_HEADERS.has(name.toLowerCase())) {
      throw new ConnectorError("provider_error", `Refused to send: the ${name} header comes from the message itself and cannot be set through headers.`);
    }
    if (typeof value !== "string" || hasLineBreak(value)) {
      throw new ConnectorError("provider_error", `Refused to send: the value of the ${name} header contains a line break.`);
    }
    out[name] = value;
  }
  return out;
}

/** Trims `to` and checks it is exactly one address (ConnectorError rejected_recipient otherwise). */
export function checkRecipient(to: string): string {
  const address = to.trim();
  if (!isEmailAddress(address)) {
    throw new ConnectorError("rejected_recipient", `"${sanitizeHeaderText(address).slice(0, 100)}" is not a single valid email address.`);
  }
  return address;
}

/**
 * Trims the sender and checks it is one address; its name loses line breaks
 * and is dropped when empty. A bad sender is the console's or EMAIL_FROM's
 * fault, hence ConnectorError invalid_config rather than rejected_recipient.
 */
export function checkSender(from: Mailbox): Mailbox {
  const address = from.address.trim();
  if (!isEmailAddress(address)) {
    throw new ConnectorError(
      "invalid_config",
      `The sender address "${sanitizeHeaderText(address)}" is not a valid email address (check the From address in the console or EMAIL_FROM).`,
    );
  }
  const name = from.name ? sanitizeHeaderText(from.name) : "";
  return name ? { name, address } : { address };
}

/** Trims the reply-to and checks it is one address (ConnectorError invalid_config otherwise); undefined when blank. */
export function checkReplyTo(replyTo: string | undefined): string | undefined {
  const value = replyTo?.trim();
  if (value && !isEmailAddress(value)) {
    throw new ConnectorError("invalid_config", `The reply-to address "${sanitizeHeaderText(value)}" is not a valid email address.`);
  }
  return value || undefined;
}

/**
 * `Name <address>` for a provider API's from field, quoting a name with
 * specials (`"Acme, Inc." <…>`) so the provider reads one mailbox, not a list.
 */
export function mailboxText({ name, address }: Mailbox): string {
  if (!name) return address;
  return /[()<>[\]:;@\\,."]/.test(name) ? `"${name.replace(/["\\]/g, "\\$&")}" <${address}>` : `${name} <${address}>`;
}
