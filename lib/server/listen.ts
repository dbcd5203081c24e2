import type { Server } from "node:http";

/**
 * Where the server listens. `npm run dev` serves the dev mailbox (every
 * code, no sign-in), so by default it listens on loopback only — both
 * 127.0.0.1 and ::1, because `localhost` resolves to either depending on the
 * system and WebAuthn needs the name `localhost` to work. `npm start` listens
 * on every interface, as `next start` does (containers, a proxy on another
 * host). HOST overrides both: `localhost`, or an address (0.0.0.0 / :: for all).
 */
export const LOOPBACK = ["127.0.0.1", "::1"] as const;

export function listenAddresses(host: string | undefined, dev: boolean): (string | undefined)[] {
  if (host === "localhost" || (host === undefined && dev)) return [...LOOPBACK];
  return [host];
}

/**
 * Listens on each address (one server each, same handler). `::1` may be
 * missing on a host without IPv6; that alone is not an error.
 */
export async function listenAll(makeServer: () => Server, addresses: (string | undefined)[], port: number): Promise<Server[]> {
  const servers: Server[] = [];
  for (const address of addresses) {
    const server = makeServer();
    try {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, address, () => resolve());
      });
      servers.push(server);
    } catch (error) {
      const optional = address === "::1" && servers.length > 0 && isUnavailable(error);
      if (!optional) {
        await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
        throw new ListenError(address, port, error);
      }
    }
  }
  return servers;
}

const isUnavailable = (error: unknown) => ["EADDRNOTAVAIL", "EAFNOSUPPORT"].includes((error as NodeJS.ErrnoException).code ?? "");

export class ListenError extends Error {
  override name = "ListenError";
  constructor(address: string | undefined, port: number, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException).code;
    const where = `${address ?? "every interface"} port ${port}`;
    super(code === "EADDRINUSE" ? `PORT: ${port} is already in use on ${address ?? "every interface"}; set PORT to another one` : `HOST: cannot listen on ${where} (${code ?? String(cause)})`);
  }
}
