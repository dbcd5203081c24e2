/**
 * Whether a multipart/form-data body has exactly the shape browsers and
 * fetch's FormData send: `--boundary CRLF`, parts of a Content-Disposition
 * (form-data, a quoted name, maybe a quoted filename) and maybe a
 * Content-Type header, a blank line, the content, `CRLF --boundary`, and
 * the closing `--boundary--`. Nothing else.
 *
 * It only ever says "certainly fine": whatever it does not recognise is
 * left to the exact check, a full FormData parse (./action-body.ts), which
 * is what Next.js itself runs on the body. That parse costs a few
 * milliseconds of CPU per form post on Node 20, more than the rest of the
 * request check together; this one a few microseconds.
 */
const BOUNDARY = /^multipart\/form-data;\s*boundary=(?:"([0-9A-Za-z'()+_,./:=?-]{1,70})"|([0-9A-Za-z'()+_,./:=?-]{1,70}))\s*$/i;
// Spelled exactly as browsers and undici write them (undici's parser is strict about the case of some).
const DISPOSITION = /^Content-Disposition: form-data; name="[^"\r\n]*"(?:; filename="[^"\r\n]*")?$/;
const CONTENT_TYPE = /^Content-Type: [\x21-\x7e]+(?: ?; ?[\x21-\x7e]+)*$/;

const CRLF = "\r\n";

/** True only when the body certainly parses; false means "check it the slow way", not "malformed". */
export function isPlainMultipart(contentType: string, body: Uint8Array): boolean {
  const match = BOUNDARY.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) return false;
  // Latin-1 keeps one character per byte, so positions and lengths agree with the bytes.
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("latin1");
  const open = `--${boundary}${CRLF}`;
  const between = `${CRLF}--${boundary}`;
  if (!text.startsWith(open)) return false;
  const closeAt = text.lastIndexOf(`${between}--`);
  const tail = text.slice(closeAt + between.length + 2);
  if (closeAt < 0 || (tail !== "" && tail !== CRLF)) return false;
  const parts = text.slice(open.length, closeAt).split(`${between}${CRLF}`);
  return parts.every((part) => plainPart(part, boundary));
}

function plainPart(part: string, boundary: string): boolean {
  const end = part.indexOf(`${CRLF}${CRLF}`);
  if (end < 0) return false;
  const [disposition, ...rest] = part.slice(0, end).split(CRLF);
  if (!disposition || !DISPOSITION.test(disposition)) return false;
  if (rest.length > 1 || (rest.length === 1 && !CONTENT_TYPE.test(rest[0]!))) return false;
  // undici's parser refuses a body whose content holds the boundary anywhere, even where it does not
  // delimit (not after CRLF --): rare in a form, and left to the full parse.
  return !part.includes(boundary, end + 4);
}
