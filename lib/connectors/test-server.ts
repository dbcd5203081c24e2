import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A provider stand-in for connector tests: a real HTTP server on 127.0.0.1
 * that records every request (method, path, query, headers, raw body) and
 * answers with whatever the test's handler says. Tests assert against the
 * provider's documented API on the recorded request, not against our code.
 */
export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: Buffer;
  text: string;
};

export type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | "hang" | "reset";
export type Handler = (req: RecordedRequest) => Reply | Promise<Reply>;

export type ProviderServer = {
  url: string;
  requests: RecordedRequest[];
  /** TCP connections accepted so far (a kept-alive connection carries several requests). */
  connections(): number;
  /** Replaces the handler (default: 200 `{}`). */
  respond(handler: Handler): void;
  close(): Promise<void>;
};

export async function startProviderServer(handler: Handler = () => ({ status: 200, body: {} })): Promise<ProviderServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const recorded: RecordedRequest = {
      method: req.method ?? "",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      text: body.toString("utf8"),
    };
    requests.push(recorded);
    const reply = await current(recorded);
    if (reply === "hang") {
      hanging.add(res);
      return;
    }
    if (reply === "reset") {
      req.socket.destroy();
      return;
    }
    const payload = reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
    const type = typeof reply.body === "string" ? "text/plain" : "application/json";
    res.writeHead(reply.status, { "content-type": type, ...reply.headers });
    res.end(payload);
  });
  let connections = 0;
  server.on("connection", () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connections: () => connections,
    respond(next) {
      current = next;
    },
    async close() {
      for (const res of hanging) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
