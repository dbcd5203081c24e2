import { lookup as systemLookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import { ConnectorError } from "../types";
import { nonPublicKind } from "./private-address";

/**
 * The server-side request forgery guard every networked connector goes
 * through. The host is resolved once, every address is checked, and the
 * connection is then made to exactly those addresses (a pinned `lookup`), so a
 * name cannot pass the check with a public address and be connected to a
 * private one a moment later (DNS rebinding).
 */

export type ResolvedAddress = { address: string; family: number };

/** The guard's refusal of a non-public address (an `invalid_config`), told apart from an unknown host by its class. */
export class PrivateTargetError extends ConnectorError {}

export type TargetGuard = {
  /** What is called, lower case, for messages: `the endpoint`, `the SendGrid API`, `the SMTP server`. */
  what: string;
  /** Which setting to fix when the host does not exist: `the URL`, `the base URL or region`. */
  check: string;
  /** The connector's "Allow private network targets". */
  allowPrivateTargets: boolean;
  timeoutMs: number;
};

/** The system resolver, every address, in its order. An object so tests can stand in for DNS. */
export const dns = {
  resolve: (host: string): Promise<ResolvedAddress[]> => systemLookup(host, { all: true, verbatim: true }),
};

/** `[::1]` → `::1`; host names compared as DNS does (case-insensitive, trailing dot ignored). */
export function bareHost(host: string): string {
  return host.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "").toLowerCase();
}

/** Resolves `host` once and checks every address; throws ConnectorError (invalid_config or transient). */
export async function checkedAddresses(host: string, guard: TargetGuard): Promise<ResolvedAddress[]> {
  const bare = bareHost(host);
  const family = isIP(bare);
  const addresses = family ? [{ address: bare, family }] : await withDeadline(resolveName(bare, guard), bare, guard);
  if (!guard.allowPrivateTargets) assertPublic(bare, addresses, guard);
  return addresses;
}

async function resolveName(host: string, guard: TargetGuard): Promise<ResolvedAddress[]> {
  const What = capitalize(guard.what);
  try {
    const addresses = await dns.resolve(host);
    if (addresses.length === 0) throw Object.assign(new Error(`no address for ${host}`), { code: "ENOTFOUND" });
    return addresses;
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code === "ENOTFOUND" || code === "ENODATA") {
      throw new ConnectorError("invalid_config", `${What} host ${host} was not found; check ${guard.check}.`, { cause: error });
    }
    throw new ConnectorError("transient", `Could not resolve ${guard.what} host ${host} (${code || "DNS error"}).`, { cause: error });
  }
}

function assertPublic(host: string, addresses: readonly ResolvedAddress[], guard: TargetGuard): void {
  for (const { address } of addresses) {
    const kind = nonPublicKind(address);
    if (!kind) continue;
    const What = capitalize(guard.what);
    const subject = isIP(host) ? `${What} ${host} is ${kind}` : `${What} host ${host} resolves to ${kind} (${address})`;
    // Refused before any connection: nothing the internal service might have answered can be quoted.
    throw new PrivateTargetError(
      "invalid_config",
      `${subject}; enable "Allow private network targets" only if it is on your own private network and you trust everyone who can edit this connector.`,
    );
  }
}

/**
 * Hands Node the addresses that were checked for `host`, and nothing for any
 * other name: a client that tried to connect elsewhere (a redirect, an SDK's
 * own endpoint rules) fails instead of resolving a name nobody checked.
 */
export function pinnedLookup(host: string, addresses: readonly ResolvedAddress[]): LookupFunction {
  const pinned = bareHost(host);
  return (hostname, options, callback) => {
    const wanted =
      bareHost(hostname) !== pinned ? []
      : options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family)
      : addresses;
    if (wanted.length === 0) {
      callback(Object.assign(new Error(`${hostname} is not the checked host ${pinned}`), { code: "ENOTFOUND" }), "", 0);
    } else if (options.all) {
      callback(null, wanted.map((a) => ({ ...a })));
    } else {
      callback(null, wanted[0]!.address, wanted[0]!.family);
    }
  };
}

/**
 * A `lookup` that runs the guard itself, for a client that picks its own host
 * (the AWS SDK's endpoint rules): the addresses it checked are the ones the
 * socket connects to. A refusal reaches the client as the socket's error, the
 * ConnectorError itself.
 */
export function guardedLookup(guard: TargetGuard): LookupFunction {
  return (hostname, options, callback) => {
    checkedAddresses(hostname, guard).then(
      (addresses) => pinnedLookup(hostname, addresses)(hostname, options, callback),
      (error: ConnectorError) => callback(error, "", 0),
    );
  };
}

async function withDeadline<T>(promise: Promise<T>, host: string, guard: TargetGuard): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ConnectorError("transient", `${capitalize(guard.what)} host ${host} did not resolve within ${guard.timeoutMs / 1000} s.`)),
      guard.timeoutMs,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
