import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { listenAddresses, listenAll } from "./listen";

const reachable = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const hasIpv6Loopback = async () => {
  const probe = createServer();
  const ok = await new Promise<boolean>((resolve) => {
    probe.once("error", () => resolve(false));
    probe.listen(0, "::1", () => resolve(true));
  });
  if (ok) await new Promise((resolve) => probe.close(resolve));
  return ok;
};

const lanAddress = () =>
  Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === "IPv4" && !i.internal)?.address;

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  servers = [];
});

describe("listenAddresses", () => {
  it("keeps `npm run dev` on loopback unless HOST says otherwise", () => {
    expect(listenAddresses(undefined, true)).toEqual(["127.0.0.1", "::1"]);
    expect(listenAddresses("localhost", false)).toEqual(["127.0.0.1", "::1"]);
    expect(listenAddresses("0.0.0.0", true)).toEqual(["0.0.0.0"]);
    expect(listenAddresses(undefined, false)).toEqual([undefined]);
  });
});

describe("listenAll", () => {
  it("serves the dev default on both loopbacks and not on the LAN", async () => {
    const port = await freePort();
    servers = await listenAll(() => createServer((_, res) => res.end("ok")), listenAddresses(undefined, true), port);
    expect(await reachable("127.0.0.1", port)).toBe(true);
    if (await hasIpv6Loopback().catch(() => false)) expect(await reachable("::1", port)).toBe(true);
    const lan = lanAddress();
    if (lan) expect(await reachable(lan, port)).toBe(false);
  });

  it("says which port is taken", async () => {
    const port = await freePort();
    servers = await listenAll(() => createServer(), ["127.0.0.1"], port);
    await expect(listenAll(() => createServer(), ["127.0.0.1"], port)).rejects.toThrow(`PORT: ${port} is already in use on 127.0.0.1`);
  });
});
