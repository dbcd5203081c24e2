import { Agent, buildConnector } from "undici";
import { bareHost, checkedAddresses, pinnedLookup, type TargetGuard } from "./guard";
import type { Pooled } from "./pools";

/**
 * How HTTP connections are kept between requests (the undici dispatcher
 * here, the http(s) agents of the HTTP and SES connectors). An idle socket
 * is closed after 4 s, before the 5 s after which a Node server closes it
 * (a request written to a socket the server is closing fails); a server
 * that announces a shorter `Keep-Alive: timeout` is believed. At most ten
 * per origin: the outbox sends ten messages at a time.
 */
export const HTTP_KEEP_ALIVE = { idleMs: 4_000, maxSockets: 10 } as const;

/**
 * What fetch() connects through (its `dispatcher` option): the URL's host is
 * resolved and checked here, once, and every connection goes to those
 * addresses. fetch() would otherwise resolve the host again itself.
 * From the `undici` package, the same major version as the fetch built into
 * Node 20 and 22, which accepts it.
 *
 * Close it once the response has been read (`close()` waits for that).
 */
export async function guardedDispatcher(url: string, guard: TargetGuard): Promise<Agent> {
  const host = bareHost(new URL(url).hostname);
  const addresses = await checkedAddresses(host, guard);
  const connect = buildConnector({ lookup: pinnedLookup(host, addresses), timeout: guard.timeoutMs });
  return new Agent({
    connections: HTTP_KEEP_ALIVE.maxSockets,
    keepAliveTimeout: HTTP_KEEP_ALIVE.idleMs,
    connect: (options, callback) => {
      // An IP address never reaches `lookup`: a redirect to one must not be followed past the check.
      if (bareHost(options.hostname) !== host) {
        callback(Object.assign(new Error(`${options.hostname} is not the checked host ${host}`), { code: "ENOTFOUND" }), null);
        return;
      }
      connect(options, callback);
    },
  });
}

/**
 * A guarded dispatcher as a pool (net/pools.ts): its sockets go to the
 * addresses checked when it was made, for as long as it lives. Pools are
 * kept per configuration, and within one per origin and guard setting, so a
 * socket is never shared with a configuration it was not checked for.
 */
export function dispatcherPool(url: string, guard: TargetGuard) {
  return {
    kind: `fetch ${new URL(url).origin} private:${guard.allowPrivateTargets}`,
    open: async (): Promise<Pooled<Agent>> => {
      const dispatcher = await guardedDispatcher(url, guard);
      // Waits until every response has been read; idle sockets do not keep the process alive.
      return { resource: dispatcher, close: () => void dispatcher.close().catch(() => undefined) };
    },
  };
}
