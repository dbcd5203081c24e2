// The two sides of `npm run bench -- --peer`, behind one shape so the runner
// alternates them step by step: request a sign-in code, then verify it.
import { loadRequestForm, prepareVerify, requestCode, verifyCode, type Client, type PendingFlow } from "./flows";
import type { ParsedForm } from "./forms";
import { peerRequestCode, peerVerifyCode } from "./peer";

export type Pending = { email: string; flow?: PendingFlow };
export type Ready = { pending: Pending; code: string; form?: ParsedForm };

export type Target = {
  name: string;
  /** Untimed, once per level: what each client loads before its first request (a browser's first visit). */
  prepareClients(concurrency: number): Promise<void>;
  request(email: string, worker: number): Promise<{ ms: number; pending: Pending }>;
  /** Untimed: what a user has in hand before typing the code (Mailgate: the code page and its form). */
  prepareVerify(pending: Pending, code: string): Promise<Ready>;
  verify(ready: Ready): Promise<{ ms: number }>;
};

/** Mailgate's forms, posted as a browser without JavaScript does. */
export function mailgateTarget(origin: string): Target {
  let forms: ParsedForm[] = [];
  const client = (worker: number): Client => ({ origin, ip: `198.18.0.${worker + 1}` });
  return {
    name: "Mailgate",
    async prepareClients(concurrency) {
      forms = await Promise.all(Array.from({ length: concurrency }, (_, w) => loadRequestForm(client(w))));
    },
    async request(email, worker) {
      const { ms, flow } = await requestCode(client(worker), forms[worker]!, email);
      return { ms, pending: { email, flow } };
    },
    async prepareVerify(pending, code) {
      const ready = await prepareVerify({ origin, ip: pending.flow!.ip }, pending.flow!, code);
      return { pending, code, form: ready.form };
    },
    verify: (ready) => verifyCode({ origin, ip: ready.pending.flow!.ip }, { flow: ready.pending.flow!, form: ready.form!, code: ready.code }),
  };
}

/** Better Auth's email-OTP endpoints, called as its client does. */
export function peerTarget(origin: string): Target {
  return {
    name: "Better Auth",
    prepareClients: async () => undefined,
    async request(email) {
      const { ms } = await peerRequestCode(origin, email);
      return { ms, pending: { email } };
    },
    prepareVerify: async (pending, code) => ({ pending, code }),
    verify: (ready) => peerVerifyCode(origin, ready.pending.email, ready.code),
  };
}
