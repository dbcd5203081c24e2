/**
 * What the front door refuses before Next.js sees it, because Next answers
 * these with a 500 (checked against a production build): a path whose
 * percent-encoding is not UTF-8 (`/dev/mailbox/%ff` breaks the `[id]`
 * decoding), a body over the server actions' 1 MB limit (Next throws a 413
 * error but answers 500), a body of unknown length (it could be any size),
 * and multipart without a boundary. Nothing the app serves needs any of them.
 */
export type Refusal = { status: 400 | 411 | 413; error: string; message: string };

/** Next's default `serverActions.bodySizeLimit`; no route of ours takes more. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

type RequestHead = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

export function refuseMalformed(req: RequestHead): Refusal | null {
  if (!hasValidPath(req.url ?? "/")) return bad("the path is not valid percent-encoded UTF-8");
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const length = header("content-length");
  if (length === undefined) {
    return header("transfer-encoding") ? { status: 411, error: "length_required", message: "send the body with a Content-Length" } : null;
  }
  if (!/^\d+$/.test(length.trim())) return bad("Content-Length is not a number");
  if (Number(length) > BODY_LIMIT_BYTES) return { status: 413, error: "payload_too_large", message: "the body is over 1 MB" };
  const type = header("content-type") ?? "";
  if (/^multipart\/form-data\b/i.test(type) && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(type)) {
    return bad("multipart/form-data without a boundary");
  }
  return null;
}

const bad = (message: string): Refusal => ({ status: 400, error: "bad_request", message });

function hasValidPath(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0]!;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
