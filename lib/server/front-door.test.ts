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

type Answer = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

function get(port: number, path: string, headers: Record<string, string>, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers, method, agent: false }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
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

  it("refuses a cross-site state change before the app sees it, and lets provider webhooks and same-origin posts through", async () => {
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.test" }, { "sec-fetch-site": "cross-site" }, {}];
    for (const headers of crossSite) {
      const res = await get(plain.port, "/sign-in", headers, "POST");
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: "forbidden" } });
    }
    expect((await get(plain.port, "/sign-in", { origin: "https://auth.acme.test" }, "POST")).status).toBe(200);
    expect((await get(plain.port, "/api/webhooks/ses", {}, "POST")).status).toBe(200);
    // A path that only looks like a webhook once dot segments are resolved is judged as what it resolves to.
    expect((await get(plain.port, "/api/webhooks/%2e%2e/account", {}, "POST")).status).toBe(403);
    expect((await get(plain.port, "/sign-in", {}, "GET")).status).toBe(200);
  });

  it("sets the security headers with a fresh nonce, and puts the same policy on the request for Next.js", async () => {
    const forged = { "content-security-policy": "script-src *", "x-mailgate-path": "/evil" };
    const [first, second] = [await get(plain.port, "/sign-in?next=%2Fa", forged), await get(plain.port, "/sign-in", {})];
    const policy = String(first.headers["content-security-policy"]);
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
    expect(String(second.headers["content-security-policy"])).not.toContain(nonce);
    expect(first.headers).toMatchObject({ "x-frame-options": "DENY", "x-content-type-options": "nosniff", "strict-transport-security": expect.stringContaining("max-age=") });
    const seenByApp = JSON.parse(first.body) as Record<string, string>;
    expect([seenByApp["content-security-policy"], seenByApp["x-mailgate-path"]]).toEqual([policy, "/sign-in?next=%2Fa"]);
  });

  it("leaves its headers off build output and the dev mailbox's preview (which sets its own framing policy)", async () => {
    for (const path of ["/_next/static/chunks/app.js", "/dev/mailbox/abc/html"]) {
      const res = await get(plain.port, path, { "content-security-policy": "script-src *" });
      expect(res.headers["content-security-policy"]).toBeUndefined();
      expect(res.headers["x-frame-options"]).toBeUndefined();
      expect((JSON.parse(res.body) as Record<string, string>)["content-security-policy"]).toBeUndefined();
    }
  });

  it("puts next-auth's callback-url cookie on APP_URL (next-auth answers 500 to one that is not a URL)", async () => {
    const h = await seen(plain.port, { cookie: "a=1; authjs.callback-url=%ff; b=2" });
    expect(h.cookie).toBe(`a=1; authjs.callback-url=${encodeURIComponent("https://auth.acme.test/")}; b=2`);
  });
});
