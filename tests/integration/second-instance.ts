import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { InstanceFunctions } from "./otp-instance";

/**
 * A second app instance sharing this run's database (SQLite file or
 * PostgreSQL database): a child process with its own connection, driven
 * over IPC. A separate process matters for SQLite, whose driver waits for
 * locks synchronously and serialises one process's transactions.
 */
export type Instance = { call: <K extends keyof InstanceFunctions>(fn: K, ...args: Parameters<InstanceFunctions[K]>) => ReturnType<InstanceFunctions[K]>; stop: () => void };

/**
 * `renders`: the instance renders emails (invitations), which React's server
 * renderer does not allow under the `react-server` condition; `server-only`
 * is then resolved by ./server-only-hook.mjs instead.
 */
export async function startSecondInstance(options: { renders?: boolean } = {}): Promise<Instance> {
  const hook = fileURLToPath(new URL("./server-only-hook.mjs", import.meta.url));
  const child: ChildProcess = fork(fileURLToPath(new URL("./otp-instance.ts", import.meta.url)), {
    execArgv: options.renders ? ["--import", "tsx", "--import", hook] : ["--import", "tsx", "--conditions=react-server"],
    env: process.env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}`)));
  });
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on("message", (msg: { id: number; result?: unknown; error?: string }) => {
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.error) p?.reject(new Error(msg.error));
    else p?.resolve(msg.result);
  });
  const call = ((fn: string, ...args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      child.send({ id, fn, args });
    })) as Instance["call"];
  return { call, stop: () => child.kill() };
}
