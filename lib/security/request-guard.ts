import { userText, type ErrorCode } from "../errors/codes";
import { malformedRouterState } from "./router-state";

/**
 * What the front door refuses before Next.js sees it, because Next answers
 * these with a 500 (checked against a production build): a path whose
 * percent-encoding is not UTF-8 (`/dev/mailbox/%ff` breaks the `[id]`
 * decoding), a body over the server actions' 1 MB limit (Next throws a 413
 * error but answers 500), a body of unknown length (it could be any size),
 * multipart without a boundary, and a router-state header Next cannot
 * parse (router-state.ts). Nothing the app serves needs any of them.
 */
export type Refusal = { code: ErrorCode; message: string };

/** Next's default `serverActions.bodySizeLimit`; no route of ours takes more. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

type RequestHead = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

export function refuseMalformed(req: RequestHead): Refusal | null {
  if (!hasValidPath(req.url ?? "/")) return bad("The path is not valid percent-encoded UTF-8.");
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const routerState = malformedRouterState(header("next-router-state-tree"));
  if (routerState) return bad(routerState);
  const length = header("content-length");
  if (length === undefined) {
    return header("transfer-encoding") ? { code: "length_required", message: userText("length_required") } : null;
  }
  if (!/^\d+$/.test(length.trim())) return bad("Content-Length is not a number.");
  if (Number(length) > BODY_LIMIT_BYTES) return { code: "payload_too_large", message: "The body is over 1 MB." };
  const type = header("content-type") ?? "";
  if (/^multipart\/form-data\b/i.test(type) && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(type)) {
    return bad("multipart/form-data without a boundary.");
  }
  return null;
}

const bad = (message: string): Refusal => ({ code: "invalid_request", message });

function hasValidPath(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0]!;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
