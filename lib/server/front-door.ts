import type { IncomingMessage, ServerResponse } from "node:http";
import type { Env } from "../env";
import { httpStatus } from "../errors/codes";
import { errorBody } from "../errors/failure";
import { clientAddressResolver } from "../security/client-address";
import { CLIENT_HEADER, clientHeaderValue, createFrontDoorToken } from "../security/client-header";
import { refuseMalformed } from "../security/request-guard";
import { guardUndecodableAction } from "./undecodable-action";

/**
 * What scripts/server.mjs does to every request before Next.js sees it:
 * refuse what Next would answer with a 500, stamp the client address it
 * alone can see (the socket), and make Host and protocol APP_URL's, so every
 * URL the app or next-auth builds is the public one whatever the client sent.
 * Returns false when it already answered.
 */
export function createFrontDoor(env: Env): (req: IncomingMessage, res: ServerResponse) => boolean {
  const token = createFrontDoorToken();
  const trustsProxies = (env.TRUSTED_PROXY_HOPS ?? 0) > 0 || env.TRUSTED_PROXIES.length > 0;
  const resolve = clientAddressResolver({ hops: env.TRUSTED_PROXY_HOPS, proxies: env.TRUSTED_PROXIES });
  const app = new URL(env.APP_URL);
  const appPort = app.port || (app.protocol === "https:" ? "443" : "80");

  return (req, res) => {
    const refusal = refuseMalformed(req);
    if (refusal) {
      // Close: the unread body (if any) is not worth reading to keep the connection.
      res.writeHead(httpStatus(refusal.code), { "content-type": "application/json", connection: "close" });
      res.end(JSON.stringify(errorBody(refusal.code, refusal.message)));
      return false;
    }
    guardUndecodableAction(req, res);
    const h = req.headers;
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
