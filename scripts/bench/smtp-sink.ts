// An in-process SMTP server on loopback that accepts every message, parses
// it and remembers the last one-time code sent to each recipient.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

type Waiter = { resolve: (code: string) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

export type SmtpSink = {
  port: number;
  /** Messages accepted so far. */
  readonly received: number;
  /** Messages that could not be parsed or had no code in their text part. */
  readonly withoutCode: number;
  /** The last code sent to `email`, waiting up to `timeoutMs` for one to arrive. */
  waitForCode(email: string, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
};

/** The code stands on its own line in the text part; fall back to any 6-digit run. */
export function extractCode(text: string): string | null {
  return /^\s*(\d{6})\s*$/m.exec(text)?.[1] ?? /\b(\d{6})\b/.exec(text)?.[1] ?? null;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const codes = new Map<string, string>();
  const waiters = new Map<string, Waiter[]>();
  let received = 0;
  let withoutCode = 0;

  const deliver = (email: string, code: string) => {
    codes.set(email, code);
    const pending = waiters.get(email) ?? [];
    waiters.delete(email);
    for (const w of pending) {
      clearTimeout(w.timer);
      w.resolve(code);
    }
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // A reverse DNS lookup per connection would add the resolver's delay to every send.
    disableReverseLookup: true,
    size: 5 * 1024 * 1024,
    onData(stream, session, callback) {
      const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      simpleParser(stream)
        .then((mail) => {
          received += 1;
          const code = extractCode(mail.text ?? "");
          if (!code) withoutCode += 1;
          else for (const to of recipients) deliver(to, code);
          callback();
        })
        .catch((error: unknown) => {
          withoutCode += 1;
          callback(error instanceof Error ? error : new Error(String(error)));
        });
    },
  });
  server.on("error", (error) => console.error(`bench: SMTP sink error: ${error.message}`));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    get received() {
      return received;
    },
    get withoutCode() {
      return withoutCode;
    },
    waitForCode(email, timeoutMs = 10_000) {
      const key = email.toLowerCase();
      const known = codes.get(key);
      if (known) return Promise.resolve(known);
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          const list = waiters.get(key) ?? [];
          waiters.set(key, list.filter((w) => w.timer !== timer));
          reject(new Error(`no code for ${email} within ${timeoutMs} ms`));
        }, timeoutMs);
        const list = waiters.get(key) ?? [];
        list.push({ resolve, reject, timer });
        waiters.set(key, list);
      });
    },
    close() {
      for (const list of waiters.values()) {
        for (const w of list) {
          clearTimeout(w.timer);
          w.reject(new Error("SMTP sink closed"));
        }
      }
      waiters.clear();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
