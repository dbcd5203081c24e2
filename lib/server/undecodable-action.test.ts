import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { markEntered, REQUEST_HEADER } from "../security/action-entry";
import { guardUndecodableAction } from "./undecodable-action";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A stand-in for Next behind the guard: fails with a 500, after the action wrapper ran or not. */
async function serve(entersWrapper: boolean): Promise<string> {
  server = createServer((req, res) => {
    guardUndecodableAction(req, res);
    if (entersWrapper) markEntered(req.headers[REQUEST_HEADER] as string | undefined ?? null);
    res.statusCode = 500;
    res.setHeader("content-type", "text/html");
    res.end("<h1>Internal Server Error</h1>");
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const post = (url: string, headers: Record<string, string>) => fetch(`${url}/sign-in`, { method: "POST", headers, body: '["$Q1"]' });

describe("a 5xx to a server action whose wrapper never ran", () => {
  it("is a 400: the arguments did not decode", async () => {
    const url = await serve(false);
    const kinds: Record<string, string>[] = [{ "next-action": "7f00", "content-type": "text/plain" }, { "content-type": "multipart/form-data; boundary=x" }];
    for (const headers of kinds) {
      const res = await post(url, headers);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: "invalid_request", message: "The server action's arguments could not be decoded." } });
    }
  });

  it("stays a 500 once the wrapper ran (that failure is ours), and outside actions", async () => {
    const ran = await serve(true);
    expect((await post(ran, { "next-action": "7f00", "content-type": "text/plain" })).status).toBe(500);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const page = await serve(false);
    expect((await fetch(`${page}/sign-in`)).status).toBe(500);
    expect((await fetch(`${page}/api/webhooks/mailgun`, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" } })).status).toBe(500);
  });

  it("covers form posts to other /api/ paths (a path no route has renders the not-found page, which reads the body as an action's)", async () => {
    const url = await serve(false);
    expect((await fetch(`${url}/api/my-account/email/verify/x`, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "garbage" })).status).toBe(400);
  });

  it("ignores a request id the client sent", async () => {
    const url = await serve(false);
    const res = await post(url, { "next-action": "7f00", [REQUEST_HEADER]: "forged" });
    expect(res.status).toBe(400);
  });
});
