import { PassThrough, type Readable } from "node:stream";
import type { SendMailOptions, SentMessageInfo, Transporter } from "nodemailer";

/** Connecting to the whole message handed over: a session stuck before that is abandoned (the server never had the message). */
export const HAND_OVER_TIMEOUT_MS = 30_000;

export type TrackedSend =
  | { info: SentMessageInfo }
  /** `inSession`: the message reached a connected (and authenticated) session; a failure before that was in connecting. */
  | { error: unknown; handedOver: boolean; inSession: boolean };

type Watch = (input: Readable) => Readable;

/** Where a message carries its own watcher; nodemailer copies the send options, symbols included. */
const WATCH = Symbol("mailgate.smtp.hand-over");
const plugged = new WeakSet<Transporter>();

/**
 * One stream plugin per transport, handing each message to the watcher it
 * carries: a pooled transport has several messages in flight at once, so
 * what the plugin sees must not be shared between them.
 */
function plugIn(transport: Transporter): void {
  if (plugged.has(transport)) return;
  plugged.add(transport);
  transport.use("stream", (mail, done) => {
    const watch = (mail.data as Record<symbol, unknown>)[WATCH];
    if (typeof watch === "function") mail.message.processFunc(watch as Watch);
    done();
  });
}

/**
 * Sends one message and says which side of the end of DATA a failure came
 * from. Before the whole message was handed over, the server cannot deliver
 * it, so a retry is safe; after, a timeout or a lost connection leaves the
 * outcome unknown. nodemailer does not tell, but it hands the message to
 * DATA as a stream, made when the message gets a connected session: when
 * that stream has been read to its end, the message is with the server.
 *
 * The socket timeout must be long enough for the server to answer the end
 * of DATA; every step before it is bounded here instead, by aborting the
 * message stream (nodemailer then ends that session without a DATA end).
 */
export async function sendTracked(transport: Transporter, mail: SendMailOptions, handOverMs = HAND_OVER_TIMEOUT_MS): Promise<TrackedSend> {
  let handedOver = false;
  let inSession = false;
  let abortWith: Error | null = null;
  let stream: PassThrough | null = null;
  // The last stage of nodemailer's message stream: nothing reads it but the DATA writer, so its end is the hand-over.
  const watch: Watch = (input) => {
    inSession = true;
    const output = new PassThrough();
    input.on("error", (error) => output.emit("error", error));
    output.once("end", () => (handedOver = true));
    stream = input.pipe(output);
    const aborted = abortWith;
    if (aborted) process.nextTick(() => output.destroy(aborted));
    return output;
  };
  plugIn(transport);

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<TrackedSend>((resolve) => {
    timer = setTimeout(() => {
      if (handedOver) return; // from here the socket timeout waits for the server's answer
      // nodemailer rewrites the error it is given, so the caller gets its own.
      abortWith = new Error("aborted: not handed over in time");
      stream?.destroy(abortWith);
      const error = Object.assign(new Error(`The message was not handed over within ${handOverMs / 1000} s`), { code: "ETIMEDOUT" });
      resolve({ error, handedOver: false, inSession });
    }, handOverMs);
  });
  const sent = transport.sendMail({ ...mail, [WATCH]: watch } as SendMailOptions).then(
    (info: SentMessageInfo): TrackedSend => ({ info }),
    (error: unknown): TrackedSend => ({ error, handedOver, inSession }),
  );
  try {
    return await Promise.race([sent, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
