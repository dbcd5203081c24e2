import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Env } from "../env";
import { safeCallbackCookie } from "../auth/next-auth-request";
import { httpStatus, type ErrorCode } from "../errors/codes";
import { errorBody } from "../errors/failure";
import { PATH_HEADER } from "../i18n/path-header";
import { clientAddressResolver } from "../security/client-address";
import { CLIENT_HEADER, clientHeaderValue, createFrontDoorToken } from "../security/client-header";
import { securityHeaders } from "../security/headers";
import { checkRequestOrigin } from "../security/origin";
import { refuseMalformed } from "../security/request-guard";
import { guardUndecodableAction } from "./undecodable-action";

/**
 * What scripts/server.mjs does to every request before Next.js sees it:
 * refuse what Next would answer with a 500 and cross-site state changes
 * (server actions and route handlers alike, provider webhooks excepted:
 * they are signed), stamp the client address it alone can see (the
 * socket), make Host and protocol APP_URL's, so every URL the app or
 * next-auth builds is the public one whatever the client sent, and set the
 * security headers with a fresh CSP nonce (Next.js puts it on its own
 * scripts when it sees the policy on the request).
 *
 * This was Next's proxy (middleware) until it was measured: Next builds a
 * Request for it and copies the body for the route, about 2.3 ms of every
 * form post here, more than the sign-in code's own work. The proxy is left
 * with what needs the app's own modules (proxy.ts: the console's and
 * organizations' 404s), on those paths only.
 * Returns false when it already answered.
 */
export function createFrontDoor(env: Env): (req: IncomingMessage, res: ServerResponse) => boolean {
  const token = createFrontDoorToken();
  const trustsProxies = (env.TRUSTED_PROXY_HOPS ?? 0) > 0 || env.TRUSTED_PROXIES.length > 0;
  const resolve = clientAddressResolver({ hops: env.TRUSTED_PROXY_HOPS, proxies: env.TRUSTED_PROXIES });
  const app = new URL(env.APP_URL);
  const appPort = app.port || (app.protocol === "https:" ? "443" : "80");

  const https = app.protocol === "https:";
  const dev = env.NODE_ENV !== "production";

  return (req, res) => {
    const refusal = refuseMalformed(req);
    if (refusal) return refuse(res, refusal.code, refusal.message);
    const pathname = pathnameOf(req.url ?? "/");
    const origin = checkRequestOrigin({ method: req.method ?? "GET", headers: { get: (name) => headerText(req.headers[name]) ?? null }, pathname }, env.APP_URL);
    if (!origin.allowed) return refuse(res, "forbidden", origin.reason);
    guardUndecodableAction(req, res);
    const h = req.headers;
    // Set here, never taken from the client.
    delete h["content-security-policy"];
    h[PATH_HEADER] = req.url ?? "/";
    if (!OWN_HEADERS.test(pathname)) {
      const nonce = Buffer.from(randomUUID()).toString("base64");
      const headers = securityHeaders(nonce, { dev, https });
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      h["content-security-policy"] = headers["Content-Security-Policy"];
    }
    // next-auth answers 500 to a callback-url cookie that is not a URL.
    const cookie = safeCallbackCookie(headerText(h.cookie) ?? null, env.APP_URL);
    if (cookie !== null) h.cookie = cookie;
    h[CLIENT_HEADER] = clientHeaderValue(token, resolve(req.socket.remoteAddress, headerText(h["x-forwarded-for"])));
    // Untrusted, a client's X-Forwarded-For is dropped; Next then fills in the socket.
    if (!trustsProxies) delete h["x-forwarded-for"];
    h.host = app.host;
    h["x-forwarded-host"] = app.host;
    h["x-forwarded-proto"] = app.protocol.slice(0, -1);
    h["x-forwarded-port"] = appPort;
    return true;
  };
}

const headerText = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(",") : value);

/** Build output, and the dev mailbox's preview, which sets its own framing policy: no security headers of ours. */
const OWN_HEADERS = /^\/(?:_next\/static\/|_next\/image|favicon\.ico$|dev\/mailbox\/[^/]+\/html$)/;

/** Close: the unread body (if any) is not worth reading to keep the connection. */
function refuse(res: ServerResponse, code: ErrorCode, message: string): false {
  res.writeHead(httpStatus(code), { "content-type": "application/json", connection: "close" });
  res.end(JSON.stringify(errorBody(code, message)));
  return false;
}

/**
 * The path as the app's router reads it (dot segments resolved), never
 * throwing: `//host/x` is a path here, not a URL of another host.
 */
function pathnameOf(target: string): string {
  try {
    return new URL(`http://front.door${target.startsWith("/") ? "" : "/"}${target}`).pathname;
  } catch {
    return target.split("?")[0] ?? "/";
  }
}
