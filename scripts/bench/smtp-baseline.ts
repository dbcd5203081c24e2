// How long one send to the sink takes with no app in between: the floor
// under "request a sign-in code". smtp-server holds every new connection for
// a fixed 100 ms before its greeting (its "early talker" check), and a
// nodemailer transport leaves Nagle's algorithm on, which on loopback costs
// a delayed-ACK wait (~40 ms) at the end of DATA. Measured both ways.
import { connect, type Socket } from "node:net";
import nodemailer from "nodemailer";
import { percentile } from "./load";

export type SendBaseline = { variant: string; sends: number; p50Ms: number | null; p99Ms: number | null };

async function measure(port: number, variant: string, noDelay: boolean, sends: number): Promise<SendBaseline> {
  const times: number[] = [];
  for (let i = 0; i < sends + 2; i += 1) {
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port,
      secure: false,
      connectionTimeout: 5000,
      greetingTimeout: 5000,
      socketTimeout: 5000,
      ...(noDelay
        ? {
            getSocket: (_options: unknown, callback: (err: Error | null, socket?: { connection: Socket }) => void) => {
              const socket = connect({ host: "127.0.0.1", port, noDelay: true }, () => callback(null, { connection: socket }));
              socket.once("error", (error) => callback(error));
            },
          }
        : {}),
    });
    const start = performance.now();
    try {
      await transport.sendMail({
        from: "bench@mailgate.test",
        to: `baseline-${noDelay ? "nodelay" : "default"}-${i}@mailgate.test`,
        subject: "000000 is your baseline code",
        text: "Your code\n\n000000\n",
        html: "<p>Your code</p><p>000000</p>",
      });
      if (i >= 2) times.push(performance.now() - start); // the first two warm up
    } finally {
      transport.close();
    }
  }
  const sorted = times.sort((a, b) => a - b);
  return { variant, sends, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}

export async function measureSinkBaseline(port: number, sends = 10): Promise<SendBaseline[]> {
  return [
    await measure(port, "nodemailer → sink (as the app sends)", false, sends),
    await measure(port, "nodemailer → sink, TCP_NODELAY", true, sends),
  ];
}
