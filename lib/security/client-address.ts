import ipaddr from "ipaddr.js";

/**
 * Who is the client? The socket's peer, unless the operator said which
 * proxies stand in front (TRUSTED_PROXY_HOPS or TRUSTED_PROXIES): then the
 * X-Forwarded-For chain, with the socket appended, is read from the right,
 * because only the entries our own proxies appended can be believed; anything
 * further left was written by whoever connected to the first of them.
 */
export type ProxyTrust = { hops?: number; proxies?: readonly string[] };

export const UNKNOWN_ADDRESS = "unknown";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

export function clientAddressResolver(trust: ProxyTrust): (socket: string | undefined, forwardedFor: string | undefined) => string {
  const ranges = (trust.proxies ?? []).map(parseRange);
  const hops = trust.hops ?? 0;
  return (socket, forwardedFor) => {
    const peer = normalizeAddress(socket);
    if (!peer) return UNKNOWN_ADDRESS;
    if (hops === 0 && ranges.length === 0) return peer;
    const chain = [...(forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean), peer];
    if (ranges.length === 0) return normalizeAddress(chain[Math.max(0, chain.length - 1 - hops)]) ?? UNKNOWN_ADDRESS;
    return firstUntrusted(chain, ranges);
  };
}

/** Walks from the right past our proxies; a chain of nothing but proxies yields its leftmost entry. */
function firstUntrusted(chain: string[], ranges: Range[]): string {
  for (let i = chain.length - 1; i >= 0; i -= 1) {
    const address = normalizeAddress(chain[i]);
    // Only a trusted proxy wrote this entry, and it writes valid addresses:
    // garbage here means the chain cannot be followed.
    if (!address) return UNKNOWN_ADDRESS;
    if (i === 0 || !ranges.some((range) => inRange(address, range))) return address;
  }
  return UNKNOWN_ADDRESS;
}

function inRange(address: string, range: Range): boolean {
  const parsed = ipaddr.parse(address);
  return parsed.kind() === range[0].kind() && parsed.match(range);
}

/** `10.0.0.0/8`, `2001:db8::/32` or a bare address (one host). */
export function parseRange(text: string): Range {
  if (text.includes("/")) return ipaddr.parseCIDR(text);
  const address = ipaddr.process(text);
  return [address, address.kind() === "ipv4" ? 32 : 128];
}

/**
 * Canonical text of an address as a socket or a proxy reports it: IPv4-mapped
 * IPv6 (`::ffff:192.0.2.1`) becomes IPv4, `[v6]:port` and `v4:port` lose the
 * port; anything else is not an address (null).
 */
export function normalizeAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%.*$/, ""); // zone index (fe80::1%eth0)
  // Four-part decimal only: ipaddr also reads `127.1` and `0x7f.0.0.1`, which no proxy writes.
  const valid = ipaddr.IPv4.isValidFourPartDecimal(text) || ipaddr.IPv6.isValid(text);
  return valid ? ipaddr.process(text).toString() : null;
}
