import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { httpStatus, type ErrorCode } from "../errors/codes";
import { errorBody } from "../errors/failure";
import { beginRequest, endRequest, REQUEST_HEADER, wasEntered } from "../security/action-entry";

const REFUSAL = "invalid_request" satisfies ErrorCode;
const BODY = JSON.stringify(errorBody(REFUSAL, "The server action's arguments could not be decoded."));

/**
 * A POST that Next.js may treat as a server action: the fetch kind
 * (Next-Action) or a form post, to a page or to a path no route handler
 * has (Next renders its not-found page for it, and reads the body as an
 * action's first). Our route handlers take JSON, so a form body that breaks
 * one is bad input too. Not the providers' webhooks: their 5xx asks the
 * provider to try again, and some post forms.
 */
function isActionRequest(req: IncomingMessage): boolean {
  if (req.method !== "POST" || (req.url ?? "").startsWith("/api/webhooks/")) return false;
  if (req.headers["next-action"] !== undefined) return true;
  return /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(req.headers["content-type"] ?? "");
}

/**
 * For an action request: stamps the request id (lib/security/action-entry.ts)
 * and, should Next answer it with a 5xx before the action wrapper ran,
 * replaces that answer with a 400 (the arguments did not decode). A 5xx
 * after the wrapper ran stays what it is: that one is ours.
 */
export function guardUndecodableAction(req: IncomingMessage, res: ServerResponse): void {
  delete req.headers[REQUEST_HEADER];
  if (!isActionRequest(req)) return;
  // Unguessable (122 random bits from the CSPRNG), and drawn from a buffered pool: randomBytes made a system call on every form post.
  const id = randomUUID();
  req.headers[REQUEST_HEADER] = id;
  beginRequest(id);
  res.once("close", () => endRequest(id));

  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let replaced = false;
  /** Before the head goes out: is this the 5xx to replace? Then the 400 head goes out instead. */
  const replaces = (status: number) => {
    if (replaced) return true;
    if (res.headersSent || status < 500 || wasEntered(id)) return false;
    replaced = true;
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    writeHead(httpStatus(REFUSAL), { "content-type": "application/json", "cache-control": "no-store", "content-length": Buffer.byteLength(BODY) });
    return true;
  };
  const callbackOf = (args: unknown[]) => args.find((a): a is () => void => typeof a === "function");
  // Every way out of a response: an explicit head, a first chunk, or end() (which may carry the body).
  res.writeHead = ((status: number, ...rest: unknown[]) => (replaces(status) ? res : writeHead(status, ...rest))) as ServerResponse["writeHead"];
  res.write = ((...args: unknown[]) => {
    if (!replaces(res.statusCode)) return write(...args);
    callbackOf(args)?.();
    return true;
  }) as ServerResponse["write"];
  res.end = ((...args: unknown[]) => (replaces(res.statusCode) ? end(BODY, callbackOf(args)) : end(...args))) as ServerResponse["end"];
}
