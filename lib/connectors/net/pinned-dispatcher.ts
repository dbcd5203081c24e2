import { Agent, buildConnector } from "undici";
import { bareHost, checkedAddresses, pinnedLookup, type TargetGuard } from "./guard";

/**
 * What fetch() connects through for one request (its `dispatcher` option):
 * the URL's host is resolved and checked here, once, and every connection goes
 * to those addresses. fetch() would otherwise resolve the host again itself.
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
