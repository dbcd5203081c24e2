import { PassThrough, type Readable } from "node:stream";
import type { SendMailOptions, SentMessageInfo, Transporter } from "nodemailer";

/** Connecting to the whole message handed over: a session stuck before that is abandoned (the server never had the message). */
export const HAND_OVER_TIMEOUT_MS = 30_000;

export type TrackedSend = { info: SentMessageInfo } | { error: unknown; handedOver: boolean };

/**
 * Sends one message and says which side of the end of DATA a failure came
 * from. Before the whole message was handed over, the server cannot deliver
 * it, so a retry is safe; after, a timeout or a lost connection leaves the
 * outcome unknown. nodemailer does not tell, but it hands the message to
 * DATA as a stream: when that stream has been read to its end, the message
 * is with the server.
 *
 * The socket timeout must be long enough for the server to answer the end
 * of DATA; every step before it is bounded here instead, by aborting the
 * message stream (nodemailer then closes the session without a DATA end).
 * The transport must be this message's own (index.ts makes one per send):
 * the plugin added here sees every message the transport sends.
 */
export async function sendTracked(transport: Transporter, mail: SendMailOptions, handOverMs = HAND_OVER_TIMEOUT_MS): Promise<TrackedSend> {
  let handedOver = false;
  let abortWith: Error | null = null;
  let stream: PassThrough | null = null;
  // The last stage of nodemailer's message stream: nothing reads it but the DATA writer, so its end is the hand-over.
  const watch = (input: Readable) => {
    const output = new PassThrough();
    input.on("error", (error) => output.emit("error", error));
    output.once("end", () => (handedOver = true));
    stream = input.pipe(output);
    const aborted = abortWith;
    if (aborted) process.nextTick(() => output.destroy(aborted));
    return output;
  };
  transport.use("stream", (mail, done) => {
    mail.message.processFunc(watch);
    done();
  });

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<TrackedSend>((resolve) => {
    timer = setTimeout(() => {
      if (handedOver) return; // from here the socket timeout waits for the server's answer
      // nodemailer rewrites the error it is given, so the caller gets its own.
      abortWith = new Error("aborted: not handed over in time");
      stream?.destroy(abortWith);
      resolve({ error: Object.assign(new Error(`The message was not handed over within ${handOverMs / 1000} s`), { code: "ETIMEDOUT" }), handedOver: false });
    }, handOverMs);
  });
  const sent = transport.sendMail(mail).then(
    (info: SentMessageInfo): TrackedSend => ({ info }),
    (error: unknown): TrackedSend => ({ error, handedOver }),
  );
  try {
    return await Promise.race([sent, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
