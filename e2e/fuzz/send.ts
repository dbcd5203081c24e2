import { Agent, request } from "node:http";
import type { FuzzCase } from "./cases";

/**
 * Sends a case exactly as generated (raw path, any method, a body on GET),
 * which fetch() would not, and prints it back as a curl command.
 */
export type Outcome = { status: number | null; error?: string };

function sendOnce(origin: string, fuzzCase: FuzzCase, agent: Agent, timeoutMs: number): Promise<Outcome> {
  const url = new URL(origin);
  return new Promise((resolve) => {
    const options = { agent, host: url.hostname, port: url.port, method: fuzzCase.method, path: fuzzCase.path, headers: fuzzCase.headers, timeout: timeoutMs };
    const req = request(options, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? null }));
      res.on("error", (error) => resolve({ status: res.statusCode ?? null, error: error.message }));
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on("error", (error) => resolve({ status: null, error: error.message }));
    req.end(fuzzCase.body);
  });
}

// Node's default --max-http-header-size: request line and headers together.
const MAX_HEAD_BYTES = 16 * 1024;
const headBytes = (fuzzCase: FuzzCase) =>
  fuzzCase.path.length + Object.entries(fuzzCase.headers).reduce((n, [name, value]) => n + name.length + value.length + 4, 0);

/**
 * Node's own HTTP parser answers some requests (an unknown method, a head
 * over 16 KB) with a 4xx and closes the socket at once; while the request is
 * still being written that reads as a reset. A head that long is Node's 431.
 * Otherwise the case is sent again without its body, and the answer it gave
 * can be read. A reset that happens then too is a failure.
 */
export async function sendCase(origin: string, fuzzCase: FuzzCase, agent: Agent, timeoutMs = 15_000): Promise<Outcome> {
  const outcome = await sendOnce(origin, fuzzCase, agent, timeoutMs);
  if (outcome.status !== null || !/ECONNRESET|EPIPE/.test(outcome.error ?? "")) return outcome;
  if (headBytes(fuzzCase) > MAX_HEAD_BYTES) return { status: 431, error: "head over 16 KB: closed by Node" };
  if (!fuzzCase.body?.length) return outcome;
  const again = await sendOnce(origin, { ...fuzzCase, body: undefined }, agent, timeoutMs);
  return again.status !== null && again.status < 500 ? again : outcome;
}

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

export function curlCommand(origin: string, fuzzCase: FuzzCase): string {
  const parts = ["curl -sS -o /dev/null -w '%{http_code}\\n' --path-as-is", "-X", quote(fuzzCase.method)];
  for (const [name, value] of Object.entries(fuzzCase.headers)) parts.push("-H", quote(`${name}: ${value}`));
  let prefix = "";
  if (fuzzCase.body?.length) {
    const printable = /^[\t\r\n\x20-\x7e]*$/.test(fuzzCase.body.toString("latin1"));
    if (fuzzCase.body.length > 4096 && fuzzCase.body.every((byte) => byte === 0x61)) prefix = `head -c ${fuzzCase.body.length} /dev/zero | tr '\\0' a | `;
    else prefix = printable ? `printf %s ${quote(fuzzCase.body.toString("latin1"))} | ` : `echo ${fuzzCase.body.toString("base64")} | base64 -d | `;
    parts.push("--data-binary", "@-");
  }
  parts.push(quote(origin + fuzzCase.path));
  return prefix + parts.join(" ");
}
