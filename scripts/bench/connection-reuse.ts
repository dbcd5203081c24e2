// What keeping connections between sends saves, with no app in between:
// p50/p99 of one send through the SMTP connector to the bench's loopback
// sink, and through the HTTP endpoint and SendGrid connectors to a local
// HTTP server, each with a new connection per send and with kept ones.
// "as before" is what the SMTP connector did before pooling: nodemailer's
// own socket per message (Nagle on) and smtp-server's 100 ms greeting delay.
//
//   node --import tsx scripts/bench/connection-reuse.ts [sends]
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import http from "@/lib/connectors/http";
import { pools } from "@/lib/connectors/net/pools";
import sendgrid from "@/lib/connectors/sendgrid";
import smtp, { toMailOptions, toTransportOptions } from "@/lib/connectors/smtp";
import type { SmtpConfig } from "@/lib/connectors/smtp/schema";
import type { KeepAlive, OutboundMessage } from "@/lib/connectors/types";
import { percentile } from "./load";
import { startSmtpSink } from "./smtp-sink";

const SENDS = Number(process.argv[2] ?? 40);
const WARM_UP = 3;
const keepAlive: KeepAlive = { owner: "bench", configKey: "connection-reuse" };

const message = (i: number): OutboundMessage => ({
  to: `reuse-${i}@mailgate.test`,
  from: { name: "Bench", address: "bench@mailgate.test" },
  subject: "000000 is your code",
  text: "Your code\n\n000000\n",
  html: "<p>Your code</p><p>000000</p>",
});

async function measure(label: string, send: (i: number) => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < SENDS + WARM_UP; i += 1) {
    const started = performance.now();
    await send(i);
    if (i >= WARM_UP) times.push(performance.now() - started);
  }
  const sorted = times.sort((a, b) => a - b);
  const ms = (p: number) => percentile(sorted, p)!.toFixed(2).padStart(8);
  console.log(`${label.padEnd(52)} p50 ${ms(50)} ms   p99 ${ms(99)} ms   (${SENDS} sends)`);
}

async function smtpRows(): Promise<void> {
  const sink = await startSmtpSink();
  const config: SmtpConfig = { host: "127.0.0.1", port: sink.port, security: "starttls-optional", auth: { type: "none" }, allowPrivateTargets: true };
  await measure("SMTP, a transport per send (as before)", async (i) => {
    const transport = nodemailer.createTransport(toTransportOptions(config, { address: "127.0.0.1" }));
    await transport.sendMail(toMailOptions(message(i))).finally(() => transport.close());
  });
  await measure("SMTP connector, new connection per send", (i) => smtp.send(config, message(i)));
  await measure("SMTP connector, pooled", (i) => smtp.send(config, message(i), { keepAlive }));
  pools.closeAll();
  await sink.close();
}

async function httpRows(): Promise<void> {
  const server = createServer((req, res) => {
    req.resume().on("end", () => {
      res.writeHead(req.url?.startsWith("/v3/") ? 202 : 200, { "content-type": "application/json", "x-message-id": "bench" });
      res.end('{"id":"bench"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const hook = http.configSchema.parse({ endpoint: `${base}/hook`, signingSecret: "bench-signing-secret", allowPrivateTargets: true });
  const grid = sendgrid.configSchema.parse({ apiKey: "SG.bench", baseUrl: base, allowPrivateTargets: true });
  await measure("HTTP endpoint connector, new connection per send", (i) => http.send(hook, message(i)));
  await measure("HTTP endpoint connector, kept alive", (i) => http.send(hook, message(i), { keepAlive }));
  await measure("SendGrid connector (fetch), new connection per send", (i) => sendgrid.send(grid, message(i)));
  await measure("SendGrid connector (fetch), kept alive", (i) => sendgrid.send(grid, message(i), { keepAlive: { ...keepAlive, configKey: "grid" } }));
  pools.closeAll();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

await smtpRows();
await httpRows();
