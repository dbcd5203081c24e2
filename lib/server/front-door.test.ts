import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkEnv } from "../env";
import { CLIENT_HEADER, readClientHeader } from "../security/client-header";
import { createFrontDoor } from "./front-door";

/** A real server: the front door, then a handler that answers with the headers the app would see. */
async function serve(source: Record<string, string>): Promise<{ server: Server; port: number }> {
  const checked = checkEnv({ AUTH_SECRET: "s".repeat(32), APP_URL: "https://auth.acme.test", ...source });
  if (!checked.ok) throw new Error(checked.problems.join());
  const frontDoor = createFrontDoor(checked.env);
  const server = createServer((req, res) => {
    if (frontDoor(req, res)) res.end(JSON.stringify(req.headers));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function get(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers, agent: false }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const seen = async (port: number, headers: Record<string, string>) => JSON.parse((await get(port, "/sign-in", headers)).body) as Record<string, string>;

describe("createFrontDoor", () => {
  let plain: { server: Server; port: number };
  let proxied: { server: Server; port: number };
  beforeAll(async () => {
    plain = await serve({});
    proxied = await serve({ TRUSTED_PROXY_HOPS: "1" });
  });
  afterAll(() => {
    plain.server.close();
    proxied.server.close();
  });

  it("stamps the socket's address and drops what the client forged", async () => {
    const h = await seen(plain.port, { "x-forwarded-for": "203.0.113.9", [CLIENT_HEADER]: "guess 203.0.113.9", host: "evil.test" });
    expect(readClientHeader(h[CLIENT_HEADER] ?? null)).toBe("127.0.0.1");
    expect(h["x-forwarded-for"]).toBeUndefined();
    expect([h.host, h["x-forwarded-host"], h["x-forwarded-proto"], h["x-forwarded-port"]]).toEqual(["auth.acme.test", "auth.acme.test", "https", "443"]);
  });

  it("behind a trusted proxy, takes the address it appended", async () => {
    const h = await seen(proxied.port, { "x-forwarded-for": "6.6.6.6, 198.51.100.7" });
    expect(readClientHeader(h[CLIENT_HEADER] ?? null)).toBe("198.51.100.7");
  });

  it("answers a malformed request itself", async () => {
    const res = await get(plain.port, "/dev/mailbox/%ff", {});
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: "invalid_request" } });
  });
});
