import ipaddr from "ipaddr.js";
import { isIP } from "node:net";

/**
 * Which addresses a connector refuses to call unless the operator allows
 * private targets. A base URL or SMTP host is typed by whoever can edit the
 * connector; without this check it is a way to make the server call internal
 * services (admin ports, cloud metadata at 169.254.169.254) and report what
 * they answered.
 *
 * The ranges are ipaddr.js's (maintained with the IANA special-purpose
 * registries): anything it does not call `unicast` is refused. IPv6 forms that
 * carry an IPv4 address (`::ffff:10.0.0.1`, NAT64, 6to4, IPv4-compatible) are
 * judged by the IPv4 address inside, which is where the packets end up.
 */

const V4_KINDS: Record<string, string> = {
  unspecified: "an unspecified (“this network”) address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address (cloud metadata services live here)",
  loopback: "a loopback address",
  carrierGradeNat: "a carrier-grade NAT (shared) address",
  private: "a private address",
  reserved: "a reserved address",
};

const V6_KINDS: Record<string, string> = {
  unspecified: "an unspecified address",
  linkLocal: "a link-local address",
  multicast: "a multicast address",
  loopback: "a loopback address",
  uniqueLocal: "a private (unique local) address",
  deprecatedSiteLocal: "a private (site-local) address",
  discard: "a reserved (discard) address",
  // Only the local-use prefix 64:ff9b:1::/48 gets here; 64:ff9b::/96 is judged by its IPv4 address.
  rfc6052: "a private (local NAT64) address",
  teredo: "a Teredo tunnel address (2001::/32, relayed to an IPv4 host)",
  benchmarking: "a reserved (benchmarking) address",
  reserved: "a reserved address",
};

/** Anything else ipaddr.js knows as special (AS112, AMT, ORCHID, segment routing…). */
const SPECIAL = "a special-purpose address";

const NAT64 = ipaddr.IPv6.parseCIDR("64:ff9b::/96");
const IPV4_COMPATIBLE = ipaddr.IPv6.parseCIDR("::/96");

/**
 * Why an address may not be called (`"a private address"`…), or null when it
 * is a public unicast address. Anything that is not an IP address is refused.
 */
export function nonPublicKind(address: string): string | null {
  const bare = address.replace(/^\[(.*)\]$/, "$1").split("%")[0] ?? "";
  const family = isIP(bare);
  if (family === 4) return v4Kind(ipaddr.IPv4.parse(bare));
  if (family !== 6) return "not an IP address";
  const ip = ipaddr.IPv6.parse(bare);
  const inner = embeddedIPv4(ip);
  if (inner) return v4Kind(inner);
  const range = ip.range();
  return range === "unicast" ? null : (V6_KINDS[range] ?? SPECIAL);
}

function v4Kind(ip: ipaddr.IPv4): string | null {
  const range = ip.range();
  return range === "unicast" ? null : (V4_KINDS[range] ?? SPECIAL);
}

/** The IPv4 address an IPv6 one carries, for the forms whose packets go to it. */
function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 | null {
  const bytes = ip.toByteArray();
  const range = ip.range();
  const last4 = () => new ipaddr.IPv4(bytes.slice(12, 16));
  if (range === "ipv4Mapped" || range === "rfc6145") return last4();
  // 64:ff9b::/96 only: the local-use NAT64 prefix 64:ff9b:1::/48 stays refused as rfc6052.
  if (range === "rfc6052" && ip.match(NAT64)) return last4();
  if (range === "6to4") return new ipaddr.IPv4(bytes.slice(2, 6));
  // IPv4-compatible (deprecated) `::a.b.c.d`; `::` and `::1` are judged as themselves.
  if (range === "unicast" && ip.match(IPV4_COMPATIBLE)) return last4();
  return null;
}
