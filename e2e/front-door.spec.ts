import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { PORTS } from "./ports";

/**
 * The real entry point (scripts/server.mjs, what `npm start` runs), default
 * settings, no proxy in front — as a clone-and-run deployment faces the
 * internet. Raw HTTP, because a browser cannot forge Host or send broken bodies.
 */
const ORIGIN = `http://127.0.0.1:${PORTS.frontDoor}`;

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${ORIGIN}${path}`, { method, headers, agent: false }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** The no-JS form of "Email me a code": its hidden fields carry the server action. */
async function codeForm(): Promise<{ fields: [string, string][]; actionId: string }> {
  const page = (await raw("GET", "/sign-in?method=code")).body;
  // Only the form with the email field: the page has others (the language switcher).
  const html = page.split("<form").find((form) => form.includes('name="email"')) ?? "";
  const decode = (s: string) => s.replaceAll("&quot;", '"').replaceAll("&amp;", "&");
  const fields = [...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map(
    ([, name, value]) => [name!, decode(value ?? "")] as [string, string],
  );
  const actionId = /"id":"([0-9a-f]+)"/.exec(fields.map(([, v]) => v).join(" "))?.[1];
  if (!actionId) throw new Error("no server action id on /sign-in?method=code");
  return { fields, actionId };
}

test.describe("the front door", () => {
  test("state changes are checked against APP_URL, never the Host header", async () => {
    const forged = await raw("POST", "/sign-in", { host: "evil.test", origin: "http://evil.test", "content-type": "application/x-www-form-urlencoded" }, "email=a%40b.test");
    expect(forged.status).toBe(403);
    const own = await raw("POST", "/sign-in", { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" }, "a=b");
    expect(own.status).toBe(200);
  });

  test("next-auth builds its URLs from APP_URL and survives odd callback URLs", async () => {
    const signin = await raw("GET", "/api/auth/signin", { host: "evil.test" });
    expect(signin.status).toBe(302);
    expect(new URL(String(signin.headers.location), ORIGIN).searchParams.get("callbackUrl")).toBe(ORIGIN);
    const providers = JSON.parse((await raw("GET", "/api/auth/providers")).body) as { ticket: { signinUrl: string } };
    expect(providers.ticket.signinUrl).toBe(`${ORIGIN}/api/auth/signin/ticket`);
    for (const callbackUrl of ["%ff", "http://[", "https://evil.test/", "//evil.test"]) {
      const res = await raw("GET", `/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      expect(res.status, callbackUrl).toBe(302);
      expect(new URL(String(res.headers.location), ORIGIN).searchParams.get("callbackUrl"), callbackUrl).toBe(`${ORIGIN}/`);
    }
    for (const cookie of ["authjs.callback-url=%ff", "authjs.callback-url=http://[", "authjs.callback-url=https%3A%2F%2Fevil.test"]) {
      expect((await raw("GET", "/api/auth/session", { cookie })).status, cookie).toBe(200);
    }
  });

  test("malformed requests get a 4xx, not a 500", async () => {
    const { actionId } = await codeForm();
    const action = { origin: ORIGIN, "next-action": actionId, "content-type": "text/plain;charset=UTF-8" };
    expect((await raw("POST", "/sign-in", action, "not json")).status).toBe(400);
    // JSON, but no argument list: the action is called with none and answers, as for any unreadable form, with its own words.
    const noArguments = await raw("POST", "/sign-in", action, '{"a":1}');
    expect(noArguments.status).toBeLessThan(500);
    expect(noArguments.body).toContain("This form could not be read. Reload the page and try again.");
    expect((await raw("POST", "/sign-in", { ...action, "content-type": "multipart/form-data" }, "x")).status).toBe(400);
    expect((await raw("POST", "/sign-in", { origin: ORIGIN, "content-type": "multipart/form-data; boundary=abc" }, "garbage")).status).toBe(400);
    expect((await raw("POST", "/sign-in", action, Buffer.alloc(1024 * 1024 + 1, 97))).status).toBe(413);
    expect((await raw("POST", "/sign-in", { ...action, "transfer-encoding": "chunked" }, "[]")).status).toBe(411);
    for (const path of ["/dev/mailbox/%ff", "/console/deliveries/%ff", "/api/my-account/sessions/%ff"]) {
      expect((await raw("GET", path)).status, path).toBe(400);
    }
  });

  // Last: it spends this instance's per-IP send budget (60 an hour by default).
  test("a new X-Forwarded-For on every request does not get past the per-IP cap", async () => {
    test.setTimeout(120_000);
    const { fields } = await codeForm();
    const outcomes: string[] = [];
    for (let i = 0; i < 61; i += 1) {
      const form = new FormData();
      for (const [name, value] of fields) form.append(name, value);
      form.append("email", `forged-${Date.now()}-${i}@front-door.test`);
      // The browser's no-JS form post: multipart, as Request encodes it.
      const encoded = new Request(ORIGIN, { method: "POST", body: form });
      const res = await raw("POST", "/sign-in?method=code", {
        origin: ORIGIN,
        "content-type": encoded.headers.get("content-type")!,
        "x-forwarded-for": `203.0.113.${i}`,
      }, Buffer.from(await encoded.arrayBuffer()));
      outcomes.push(res.status === 303 && /\/sign-in\/verify/.test(String(res.headers.location)) ? "sent" : /too many codes were requested/i.test(res.body) ? "capped" : `other ${res.status}`);
    }
    expect(outcomes.filter((o) => o === "sent"), outcomes.join(" ")).toHaveLength(60);
    expect(outcomes.at(-1)).toBe("capped");
  });
});
