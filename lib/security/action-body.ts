import { isPlainMultipart } from "./multipart-shape";

/**
 * Bodies Next.js cannot decode and answers with a 500 (checked against a
 * production build): multipart that does not parse (every multipart POST to
 * a page is read as a possible no-JS server action) and a fetch action whose
 * text body is not a JSON array (React encodes an action's arguments as one).
 * The front door answers 400 to what slips through
 * (lib/server/undecodable-action.ts), but Next logs an error for each:
 * refused here, junk traffic leaves the logs alone. The front door has
 * already capped the size at 1 MB. A multipart body of the usual shape is
 * recognised as such without the (slow) full parse: ./multipart-shape.ts.
 *
 * The body is read as it is, not from a clone: what the proxy gets is
 * already Next's copy, and the route gets its own (next-server's
 * cloneBodyStream). Cloning it again cost every form post a tee of the
 * stream for nothing.
 */
export async function malformedBody(request: Request): Promise<string | null> {
  if (request.method !== "POST") return null;
  const type = request.headers.get("content-type") ?? "";
  if (/^multipart\/form-data/i.test(type)) {
    const body = new Uint8Array(await request.arrayBuffer());
    if (isPlainMultipart(type, body)) return null;
    const parses = await new Response(body, { headers: { "content-type": type } }).formData().then(() => true, () => false);
    return parses ? null : "The multipart body could not be read.";
  }
  if (!request.headers.has("next-action") || /^application\/x-www-form-urlencoded/i.test(type)) return null;
  try {
    return Array.isArray(JSON.parse(await request.text())) ? null : "Server action arguments must be a JSON array.";
  } catch {
    return "Server action arguments are not valid JSON.";
  }
}
