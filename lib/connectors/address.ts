/**
 * Address helpers shared by the connectors and `active.ts`. Pure functions,
 * safe on the client and the server.
 *
 * Everything that ends up in a mail header goes through here first: a CR or
 * LF inside a display name or subject would let its author start a new header
 * line (`Bcc: …`), so line breaks are removed rather than trusted to the
 * encoder further down.
 */

export type Mailbox = { name?: string; address: string };

// C0 controls (CR, LF, NUL, TAB…), DEL, NEL and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const LINE_BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;

/** Replaces line breaks and other control characters with a space, collapses runs of spaces and trims. */
export function sanitizeHeaderText(value: string): string {
  return value.replace(LINE_BREAKS_AND_CONTROLS, " ").replace(/ {2,}/g, " ").trim();
}

/** True when the string contains CR or LF (or another header-breaking control character). */
export function hasLineBreak(value: string): boolean {
  // eslint-disable-next-line no-control-regex
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
