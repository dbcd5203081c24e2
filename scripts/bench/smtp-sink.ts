// An in-process SMTP server on loopback that accepts every message and
// remembers the last one-time code sent to each recipient.
//
// A message is accepted (250) as soon as its bytes are in, as a real server
// accepts once the message is queued, and it is parsed only when its code is
// asked for: in the bench that is the untimed step between requesting codes
// and verifying them. Parsing each one before answering, as this sink did,
// put mailparser's time (a few milliseconds for a branded HTML email) into
// the sender's SMTP round trip, and at 20 clients into the CPU the servers
// being measured were competing for.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

type Waiter = { resolve: (code: string) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

export type SmtpSink = {
  port: number;
  /** Messages accepted so far. */
  readonly received: number;
  /** Messages read so far that could not be parsed or had no code in their text part (all of them after `settle`). */
  readonly withoutCode: number;
  /** The last code sent to `email`, waiting up to `timeoutMs` for one to arrive. */
  waitForCode(email: string, timeoutMs?: number): Promise<string>;
  /** Reads every message not read yet (before `withoutCode` is reported). */
  settle(): Promise<void>;
  close(): Promise<void>;
};

/** The code stands on its own line in the text part; fall back to any 6-digit run. */
export function extractCode(text: string): string | null {
  return /^\s*(\d{6})\s*$/m.exec(text)?.[1] ?? /\b(\d{6})\b/.exec(text)?.[1] ?? null;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const codes = new Map<string, string>();
  const waiters = new Map<string, Waiter[]>();
  /** Accepted, not parsed yet, oldest first, per recipient. */
  const unread = new Map<string, Buffer[]>();
  /** Per recipient, the reading under way: one at a time, so the last message's code is the one kept. */
  const reading = new Map<string, Promise<void>>();
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

  const codeIn = async (message: Buffer): Promise<string | null> => {
    try {
      return extractCode((await simpleParser(message)).text ?? "");
    } catch {
      return null;
    }
  };
  const read = (to: string): Promise<void> => {
    const next = (reading.get(to) ?? Promise.resolve()).then(async () => {
      const queue = unread.get(to) ?? [];
      unread.delete(to);
      for (const message of queue) {
        const code = await codeIn(message);
        if (code) deliver(to, code);
        else withoutCode += 1;
      }
    });
    reading.set(to, next);
    void next.finally(() => reading.get(to) === next && reading.delete(to));
    return next;
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
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.once("error", (error: Error) => callback(error));
      stream.once("end", () => {
        received += 1;
        const message = Buffer.concat(chunks);
        for (const to of recipients) {
          unread.set(to, [...(unread.get(to) ?? []), message]);
          // Someone is already waiting for this address: read it now.
          if (waiters.has(to)) void read(to);
        }
        callback();
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
    async waitForCode(email, timeoutMs = 10_000) {
      const key = email.toLowerCase();
      await read(key);
      const known = codes.get(key);
      if (known) return known;
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
    async settle() {
      await Promise.all([...unread.keys()].map(read));
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
