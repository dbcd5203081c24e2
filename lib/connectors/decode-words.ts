/**
 * RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?ISO-8859-1?Q?…?=`) decoded the
 * way a mail client decodes them, so a display name or subject can be judged
 * by what the reader will see: `=?UTF-8?B?RXZlDQpCY2M6IHhAeQ==?=` is
 * `Eve\r\nBcc: x@y`, whatever the text looked like when it was typed. Pure
 * (atob, TextDecoder): safe on the client and the server, like address.ts.
 */

// Lenient on purpose (any charset label, empty text): whatever some client might decode is decoded here first.
const WORD = /=\?([^?\s]*)\?([BbQq])\?([^?]*)\?=/g;
const HAS_WORD = new RegExp(WORD.source);
// RFC 2047 §6.2: white space between two adjacent encoded words is not displayed.
const BETWEEN_WORDS = /(=\?[^?\s]*\?[BbQq]\?[^?]*\?=)\s+(?==\?[^?\s]*\?[BbQq]\?[^?]*\?=)/g;
/** An encoded word that ends up inside the decoded text is decoded again, this many times at most. */
const MAX_ROUNDS = 10;

/** Decodes every encoded word, repeatedly, until none is left (or MAX_ROUNDS). */
export function decodeEncodedWords(text: string): string {
  let current = text;
  for (let round = 0; round < MAX_ROUNDS && HAS_WORD.test(current); round++) {
    current = decodeOnce(current.replace(BETWEEN_WORDS, "$1"));
  }
  return current;
}

/** One pass; adjacent words of one charset are decoded together, so a character split across two survives. */
function decodeOnce(text: string): string {
  let out = "";
  let last = 0;
  // Written by flush() too, which TypeScript's narrowing does not follow.
  let run = null as { charset: string; bytes: number[] } | null;
  const flush = () => {
    if (run) out += decodeBytes(run.charset, run.bytes);
    run = null;
  };
  for (const match of text.matchAll(WORD)) {
    const [word, label = "", encoding = "", data = ""] = match;
    const charset = label.replace(/\*.*$/, "").toLowerCase();
    if (match.index > last || run?.charset !== charset) {
      flush();
      out += text.slice(last, match.index);
    }
    const bytes = encoding.toUpperCase() === "B" ? base64Bytes(data) : qBytes(data);
    run = run ? { charset, bytes: [...run.bytes, ...bytes] } : { charset, bytes };
    last = match.index + word.length;
  }
  flush();
  return out + text.slice(last);
}

function decodeBytes(charset: string, bytes: number[]): string {
  try {
    return new TextDecoder(charset || "utf-8").decode(new Uint8Array(bytes));
  } catch {
    // A charset this runtime does not know: what a client shows for it is unknown, so nothing of it is kept.
    return "\uFFFD";
  }
}

/** Base64, as forgiving as mail clients: stray characters dropped, padding optional, padded segments one after another. */
function base64Bytes(data: string): number[] {
  const bytes: number[] = [];
  for (const segment of data.replace(/[^A-Za-z0-9+/=]/g, "").match(/[A-Za-z0-9+/]+={0,2}/g) ?? []) {
    let body = segment.replace(/=+$/, "");
    if (body.length % 4 === 1) body = body.slice(0, -1);
    const padded = body.padEnd(Math.ceil(body.length / 4) * 4, "=");
    for (const char of atob(padded)) bytes.push(char.charCodeAt(0));
  }
  return bytes;
}

/** The "Q" encoding: `_` is a space, `=XX` a byte, anything else itself (as UTF-8). */
function qBytes(data: string): number[] {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < data.length; i++) {
    const char = data[i]!;
    const hex = char === "=" ? /^[0-9A-Fa-f]{2}/.exec(data.slice(i + 1)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else {
      bytes.push(...encoder.encode(char === "_" ? " " : char));
    }
  }
  return bytes;
}
