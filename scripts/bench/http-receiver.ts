// A loopback endpoint for the HTTP connector: reads each POST in full and
// answers 200 {"id": …} at once, so what is measured is Mailgate's side.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type HttpReceiver = {
  /** The endpoint to configure, e.g. http://127.0.0.1:40123/mailgate. */
  url: string;
  /** Requests answered with 200. */
  readonly received: number;
  /** Requests whose Idempotency-Key was seen before: the same message delivered twice. */
  readonly duplicates: number;
  close(): Promise<void>;
};

export async function startHttpReceiver(): Promise<HttpReceiver> {
  const seenKeys = new Set<string>();
  let received = 0;
  let duplicates = 0;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.method !== "POST") {
        res.writeHead(405).end();
        return;
      }
      received += 1;
      const key = req.headers["idempotency-key"];
      if (typeof key === "string") {
        if (seenKeys.has(key)) duplicates += 1;
        seenKeys.add(key);
      }
      const body = JSON.stringify({ id: `bench-${received}` });
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) }).end(body);
    });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/mailgate`,
    get received() {
      return received;
    },
    get duplicates() {
      return duplicates;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
