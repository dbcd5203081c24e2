import { isIP } from "node:net";

/**
 * Which addresses the HTTP connector refuses to call unless the operator
 * allows private targets. An endpoint URL is typed by whoever can edit the
 * connector; without this check it is a way to make the server request
 * internal services (databases' admin ports, cloud metadata at
 * 169.254.169.254) and report what they answered.
 *
 * IPv6 forms that carry an IPv4 address (`::ffff:10.0.0.1`, NAT64, 6to4) are
 * judged by the IPv4 address inside, which is where the packets end up.
 */

type Range = { prefix: number[]; bits: number; kind: string };

const V4_RANGES: readonly Range[] = [
  v4("0.0.0.0", 8, "an unspecified (“this network”) address"),
  v4("10.0.0.0", 8, "a private address"),
  v4("100.64.0.0", 10, "a carrier-grade NAT (shared) address"),
  v4("127.0.0.0", 8, "a loopback address"),
  v4("169.254.0.0", 16, "a link-local address (cloud metadata services live here)"),
  v4("172.16.0.0", 12, "a private address"),
  v4("192.0.0.0", 24, "a reserved address"),
  v4("192.0.2.0", 24, "a reserved (documentation) address"),
  v4("192.168.0.0", 16, "a private address"),
  v4("198.18.0.0", 15, "a reserved (benchmarking) address"),
  v4("198.51.100.0", 24, "a reserved (documentation) address"),
  v4("203.0.113.0", 24, "a reserved (documentation) address"),
  v4("224.0.0.0", 4, "a multicast address"),
  v4("240.0.0.0", 4, "a reserved (or broadcast) address"),
];

const V6_RANGES: readonly Range[] = [
  v6("::", 128, "an unspecified address"),
  v6("::1", 128, "a loopback address"),
  v6("64:ff9b:1::", 48, "a private (local NAT64) address"),
  v6("100::", 64, "a reserved (discard) address"),
  v6("2001:db8::", 32, "a reserved (documentation) address"),
  v6("fc00::", 7, "a private (unique local) address"),
  v6("fe80::", 10, "a link-local address"),
  v6("fec0::", 10, "a private (site-local) address"),
  v6("ff00::", 8, "a multicast address"),
];

/** Prefixes whose IPv6 address embeds an IPv4 one: the prefix, and where the IPv4 bytes start. */
const EMBEDS_V4: readonly { range: Range; offset: number }[] = [
  { range: v6("::ffff:0:0", 96, "IPv4-mapped"), offset: 12 },
  { range: v6("::", 96, "IPv4-compatible"), offset: 12 },
  { range: v6("64:ff9b::", 96, "NAT64"), offset: 12 },
  { range: v6("2002::", 16, "6to4"), offset: 2 },
];

/**
 * Why an address may not be called (`"a private address"`…), or null when it
 * is a public unicast address. Anything that is not an IP address is refused.
 */
export function nonPublicKind(address: string): string | null {
  const bare = address.replace(/^\[(.*)\]$/, "$1").split("%")[0] ?? "";
  const family = isIP(bare);
  if (family === 4) return kindOf(parseIPv4(bare)!, V4_RANGES);
  if (family !== 6) return "not an IP address";
  const bytes = parseIPv6(bare);
  if (!bytes) return "not an IP address";
  const direct = kindOf(bytes, V6_RANGES);
  if (direct) return direct;
  for (const { range, offset } of EMBEDS_V4) {
    if (matches(bytes, range)) return kindOf(bytes.slice(offset, offset + 4), V4_RANGES);
  }
  return null;
}

function kindOf(bytes: readonly number[], ranges: readonly Range[]): string | null {
  return ranges.find((range) => matches(bytes, range))?.kind ?? null;
}

function matches(bytes: readonly number[], range: Range): boolean {
  for (let bit = 0; bit < range.bits; bit += 8) {
    const take = Math.min(8, range.bits - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    const i = bit / 8;
    if (((bytes[i] ?? 0) & mask) !== ((range.prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function parseIPv4(text: string): number[] | null {
  const parts = text.split(".").map(Number);
  return parts.length === 4 && parts.every((n) => Number.isInteger(n) && n >= 0 && n <= 255) ? parts : null;
}

/** 16 bytes, or null. Accepts `::` compression and a dotted IPv4 tail. */
function parseIPv6(text: string): number[] | null {
  let hex = text;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(hex);
  if (dotted) {
    const v4bytes = parseIPv4(dotted[1]!);
    if (!v4bytes) return null;
    const [a, b, c, d] = v4bytes as [number, number, number, number];
    hex = `${hex.slice(0, -dotted[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = hex.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  const bytes: number[] = [];
  for (const group of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
    const n = parseInt(group, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  return bytes;
}

function v4(address: string, bits: number, kind: string): Range {
  return { prefix: parseIPv4(address)!, bits, kind };
}

function v6(address: string, bits: number, kind: string): Range {
  return { prefix: parseIPv6(address)!, bits, kind };
}
