import { spawn, type ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/mail/outbox";

/**
 * `npm run worker`, the real script, against this run's database (SQLite
 * file or PostgreSQL) and a real SMTP server on loopback: it stays up while
 * idle, sends what is queued meanwhile, stops cleanly on SIGTERM, and
 * refuses to start, in one line, when the database cannot be reached.
 */
const received: { rcpt: string; messageId?: string }[] = [];
let smtp: SMTPServer;
let port = 0;

beforeAll(async () => {
  smtp = new SMTPServer({
    logger: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    onData(stream, session, cb) {
      void simpleParser(stream).then((parsed) => {
        received.push({ rcpt: session.envelope.rcptTo[0]!.address, messageId: parsed.messageId });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  port = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

type Run = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function startWorker(env: Record<string, string>): Run {
  const child = spawn("npm", ["run", "--silent", "worker"], {
    env: {
      ...process.env,
      EMAIL_CONNECTOR: "smtp", SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port), EMAIL_FROM: "Worker <no-reply@worker.test>",
      OUTBOX_POLL_SECONDS: "0.2",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so a failed test can remove npm and the worker under it together.
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(check: () => boolean | Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe("npm run worker", () => {
  it("stays up while idle, sends what is queued meanwhile, and stops on SIGTERM with exit 0", async () => {
    const run = startWorker({});
    let exit: number | null | "running" = "running";
    void run.exited.then((code) => (exit = code));
    try {
      await waitFor(() => run.output().includes("mailgate worker: started"), 20_000, "the start line");
      // Idle for ten polls: the worker must still be there.
      await sleep(2000);
      expect(exit).toBe("running");

      const to = `queued-${Date.now()}@worker.test`;
      const { id } = await enqueue(
        { purpose: "NoAccountNotice", recipient: to, locale: "en", subject: "Hello", body: { senderName: "Worker", html: "<p>hi</p>", text: "hi" } },
        { connector: "smtp", leased: false },
      );
      await waitFor(async () => (await db.emailMessage.findUnique({ where: { id } }))?.status === "sent", 10_000, "the queued message to be sent");
      expect(received.filter((r) => r.rcpt === to).map((r) => r.messageId)).toEqual([`<${id}@worker.test>`]);
      await waitFor(() => run.output().includes("drained 1 email(s): 1 sent"), 5000, "the drain line");
      expect(exit).toBe("running");

      run.child.kill("SIGTERM");
      expect(await run.exited).toBe(0);
      expect(run.output()).toMatch(/mailgate worker: stopped/);
    } finally {
      if (exit === "running") process.kill(-run.child.pid!, "SIGKILL");
    }
  });

  it("with an unreachable database: one line naming DATABASE_URL, no stack trace, exit 1", async () => {
    const run = startWorker({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/mailgate" });
    expect(await run.exited).toBe(1);
    const lines = run.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^mailgate worker: cannot start: DATABASE_URL: .*Can't reach database server/);
  });
});
