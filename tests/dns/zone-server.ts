import { createServer } from "node:net";
import dns2 from "dns2";

/**
 * A DNS server for tests (dns2, UDP and TCP on 127.0.0.1) answering from a
 * zone written as data: the doctor asks it exactly as it asks a real
 * resolver. A name that is neither in the zone nor above a name in it is
 * NXDOMAIN; `servfail: true` makes a name answer SERVFAIL.
 */
export type ZoneEntry = { TXT?: string[]; MX?: string[]; CNAME?: string; A?: string[]; AAAA?: string[]; servfail?: boolean };
export type Zone = Record<string, ZoneEntry>;

const { Packet } = dns2;
const TYPE_NAMES = Object.fromEntries(Object.entries(Packet.TYPE).map(([name, code]) => [code, name])) as Record<number, keyof typeof Packet.TYPE>;
const RCODE = { nxdomain: 3, servfail: 2 };

/** TXT strings are at most 255 bytes each; a long value (a DKIM key) is several strings. */
const chunks = (text: string) => text.match(/[\s\S]{1,255}/g) ?? [""];

function answer(zone: Zone, name: string, typeCode: number) {
  const base = { name, class: Packet.CLASS.IN, ttl: 60 };
  const entry = zone[name];
  const type = TYPE_NAMES[typeCode];
  if (!entry || !type) return [];
  if (entry.CNAME && type !== "CNAME") return [{ ...base, type: Packet.TYPE.CNAME, domain: entry.CNAME }];
  if (type === "CNAME") return entry.CNAME ? [{ ...base, type: typeCode, domain: entry.CNAME }] : [];
  if (type === "TXT") return (entry.TXT ?? []).map((data) => ({ ...base, type: typeCode, data: chunks(data) }));
  if (type === "MX") {
    return (entry.MX ?? []).map((mx) => {
      const [priority, exchange] = mx.split(" ");
      return { ...base, type: typeCode, priority: Number(priority), exchange };
    });
  }
  return (entry[type] ?? []).map((address) => ({ ...base, type: typeCode, address }));
}

/** A port free for TCP (and, on loopback in practice, UDP): UDP and TCP must share one, as DNS does. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

export async function startZoneServer(zone: Zone, wanted = 0) {
  const port = wanted || (await freePort());
  const lower: Zone = Object.fromEntries(Object.entries(zone).map(([name, entry]) => [name.toLowerCase(), entry]));
  const server = dns2.createServer({
    udp: true,
    tcp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const question = request.questions[0];
      const name = (question?.name ?? "").toLowerCase();
      response.header.aa = 1;
      const known = name in lower || Object.keys(lower).some((n) => n.endsWith(`.${name}`));
      if (lower[name]?.servfail) response.header.rcode = RCODE.servfail;
      else if (!known) response.header.rcode = RCODE.nxdomain;
      else response.answers.push(...answer(lower, name, question!.type));
      send(response);
    },
  });
  server.on("requestError", () => undefined);
  await server.listen({ udp: { port, address: "127.0.0.1", type: "udp4" }, tcp: { port, address: "127.0.0.1" } });
  const address = `127.0.0.1:${port}`;
  return { address, close: () => server.close() };
}
