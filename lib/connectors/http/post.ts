import http from "node:http";
import https from "node:https";
import { checkedAddresses, pinnedLookup, type ResolvedAddress } from "../net/guard";
import { HTTP_KEEP_ALIVE } from "../net/pinned-dispatcher";
import { withConnections, type Pooled } from "../net/pools";
import { ConnectorError, type KeepAlive } from "../types";

/**
 * One POST to the operator's endpoint, through the SSRF guard
 * (net/guard.ts): the host is resolved once, every address is checked, and
 * the socket is opened to exactly those addresses through a pinned `lookup`.
 * The Host header and TLS server name still carry the URL's host, so virtual
 * hosts and certificates work as usual. Plain http(s).request rather than
 * fetch: the answer is read up to a size limit and never waited for beyond it.
 *
 * With `keepAlive`, the agent (and its sockets, to the addresses checked
 * when it was made) is kept for the next message of the same configuration
 * (net/pools.ts); never one shared with another configuration's endpoint.
 */

export type EndpointResponse = { status: number; headers: Headers; text: string };

export type PostOptions = {
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivateTargets: boolean;
};

/** More is never needed to read an id or an error; the rest is not waited for. */
const MAX_RESPONSE_BYTES = 64 * 1024;

export async function postToEndpoint(endpoint: string, options: PostOptions, keepAlive?: KeepAlive): Promise<EndpointResponse> {
  const url = new URL(endpoint);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const startedAt = Date.now();
  const open = async (pooled: boolean) => {
    const addresses = await checkedAddresses(host, {
      what: "the endpoint",
      check: "the URL",
      allowPrivateTargets: options.allowPrivateTargets,
      timeoutMs: options.timeoutMs,
    });
    return pinnedAgent(url, host, addresses, pooled);
  };
  return withConnections(keepAlive, `post ${url.origin}`, open, (agent) => {
    const remaining = Math.max(1, options.timeoutMs - (Date.now() - startedAt));
    return request(url, host, agent, { ...options, timeoutMs: remaining }, options.timeoutMs);
  });
}

function pinnedAgent(url: URL, host: string, addresses: readonly ResolvedAddress[], keepAlive: boolean): Pooled<http.Agent> {
  const Agent = url.protocol === "https:" ? https.Agent : http.Agent;
  const agent = new Agent({
    lookup: pinnedLookup(host, addresses),
    keepAlive,
    // The idle timeout of a kept socket; each request sets its own deadline.
    timeout: HTTP_KEEP_ALIVE.idleMs,
    maxSockets: HTTP_KEEP_ALIVE.maxSockets,
    noDelay: true,
  });
  // Only closed when no request uses it (the pool waits for that; a one-off request is over).
  return { resource: agent, close: () => agent.destroy() };
}

function request(url: URL, host: string, agent: http.Agent, options: PostOptions, totalTimeoutMs: number): Promise<EndpointResponse> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      fn();
    };
    const timeoutError = () => Object.assign(new Error("timeout"), { code: "MAILGATE_TIMEOUT" });

    let req: http.ClientRequest;
    try {
      req = (url.protocol === "https:" ? https : http).request({
        protocol: url.protocol,
        hostname: host,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: "POST",
        headers: { ...options.headers, "Content-Length": String(Buffer.byteLength(options.body)) },
        agent,
        timeout: options.timeoutMs,
      });
    } catch (error) {
      // Node refuses invalid header values synchronously (ERR_INVALID_CHAR).
      reject(new ConnectorError("provider_error", `Refused to send: a request header is not valid (${(error as { code?: string }).code ?? "invalid header"}).`, { cause: error }));
      return;
    }

    const deadline = setTimeout(() => req.destroy(timeoutError()), options.timeoutMs);
    req.on("timeout", () => req.destroy(timeoutError()));
    req.on("error", (error) => finish(() => reject(networkError(error, host, totalTimeoutMs))));
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
        }
        finish(() => resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString("utf8") }));
      };
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= MAX_RESPONSE_BYTES) {
          done();
          res.destroy();
        }
      });
      res.on("end", done);
      res.on("error", (error) => finish(() => reject(networkError(error, host, totalTimeoutMs))));
    });
    req.end(options.body);
  });
}

const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/;

/** A failure before any HTTP status: what it means for the operator. */
function networkError(error: Error, host: string, timeoutMs: number): ConnectorError {
  const code = (error as { code?: string }).code ?? "";
  if (code === "MAILGATE_TIMEOUT") {
    return new ConnectorError("transient", `The endpoint ${host} did not answer within ${timeoutMs / 1000} s.`, { cause: error });
  }
  if (CERTIFICATE.test(code)) {
    return new ConnectorError("invalid_config", `The TLS certificate of ${host} could not be verified (${code}).`, { cause: error });
  }
  if (code === "EPROTO" || /wrong version number|packet length too long/i.test(error.message)) {
    return new ConnectorError("invalid_config", `The TLS handshake with ${host} failed (${code || "EPROTO"}): does the endpoint speak HTTPS on this port? Use http:// if it does not.`, { cause: error });
  }
  if (code.startsWith("HPE_")) {
    return new ConnectorError("invalid_config", `The endpoint ${host} did not answer with valid HTTP (${code}).`, { cause: error });
  }
  // ECONNREFUSED, ECONNRESET ("socket hang up"), EHOSTUNREACH, ETIMEDOUT…: worth another attempt.
  return new ConnectorError("transient", `Could not reach the endpoint ${host} (${code || error.message}).`, { cause: error });
}
