import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import type { SeedAnswer, SeedRequest } from "./protocol";

/** Spread over Omit keeps the union: each request kind without its `n`. */
type Request = SeedRequest extends infer R ? (R extends SeedRequest ? Omit<R, "n"> : never) : never;
type Answer = Extract<SeedAnswer, { ok: true }>;

const STARTUP_AND_ANSWER_MS = 60_000;

/**
 * One e2e/seed/seeder.ts process for one database, kept for the worker's
 * life: starting it (tsx and the Prisma client) takes seconds on a busy
 * machine, a request then takes milliseconds.
 */
class Seeder {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting = new Map<number, { resolve(answer: Answer): void; reject(error: Error): void }>();
  private next = 1;
  private stderr = "";

  constructor(readonly databaseUrl: string) {
    this.child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "e2e/seed/seeder.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child.stderr.on("data", (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4_000)));
    createInterface({ input: this.child.stdout }).on("line", (line) => this.settle(JSON.parse(line) as SeedAnswer));
    this.child.on("exit", (code) => this.failAll(new Error(`the seeder for ${databaseUrl} exited (${code}): ${this.stderr}`)));
  }

  request(request: Request): Promise<Answer> {
    const n = this.next++;
    return new Promise<Answer>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer from the seeder for ${this.databaseUrl} within ${STARTUP_AND_ANSWER_MS / 1000} s: ${this.stderr}`)), STARTUP_AND_ANSWER_MS);
      const done = <T>(settle: (value: T) => void) => (value: T) => {
        clearTimeout(timer);
        this.waiting.delete(n);
        settle(value);
      };
      this.waiting.set(n, { resolve: done(resolve), reject: done(reject) });
      this.child.stdin.write(`${JSON.stringify({ ...request, n })}\n`);
    });
  }

  /** Ends the process (its stdin closes, it disconnects and exits) and waits for it. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.stdin.end();
    await exited;
  }

  private settle(answer: SeedAnswer) {
    const waiter = this.waiting.get(answer.n);
    if (answer.ok) waiter?.resolve(answer);
    else waiter?.reject(new Error(`seeding ${this.databaseUrl} failed: ${answer.error}`));
  }

  private failAll(error: Error) {
    for (const waiter of [...this.waiting.values()]) waiter.reject(error);
  }
}

const seeders = new Map<string, Seeder>();

/** The worker's seeder for `databaseUrl`, started on first use. */
export function seederFor(databaseUrl: string): Seeder {
  let seeder = seeders.get(databaseUrl);
  if (!seeder) seeders.set(databaseUrl, (seeder = new Seeder(databaseUrl)));
  return seeder;
}

/** Before a test changes a database under the seeder's feet (read-only file, dropped connections), or at the worker's end. */
export async function closeSeeder(databaseUrl?: string): Promise<void> {
  const closing = [...seeders.values()].filter((seeder) => databaseUrl === undefined || seeder.databaseUrl === databaseUrl);
  for (const seeder of closing) seeders.delete(seeder.databaseUrl);
  await Promise.all(closing.map((seeder) => seeder.close()));
}

export type { Seeder };
