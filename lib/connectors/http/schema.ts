import { z } from "zod";
import { allowPrivateTargets, allowPrivateTargetsField } from "../schema-parts";
import type { ConnectorField } from "../types";

/** Control characters (CR, LF, NUL…) would end the header line early or be refused by Node. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

const required = (what: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? "is required" : `must be ${what}`),
});

const endpointSchema = z
  .string(required("a URL"))
  .trim()
  .min(1, "is required")
  .max(2048, "must be at most 2048 characters")
  .superRefine((value, ctx) => {
    const problem = endpointProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

function endpointProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be a full URL such as https://mail.example.com/mailgate";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must start with https:// or http://";
  if (!url.hostname) return "must name a host";
  // Userinfo would be silently dropped (or worse, logged); credentials belong in the Authorization field.
  if (url.username || url.password) return "must not contain a user name or password; use the Authorization header field";
  return undefined;
}

/**
 * The HTTP connector's config. Strict, so a typo (`signingsecret`) is an
 * error rather than a silently unsigned setup.
 */
export const httpConfigSchema = z
  .object({
    /** Where Mailgate POSTs each message (http or https). */
    endpoint: endpointSchema,
    /** Sent verbatim as the `Authorization` header, e.g. `Bearer …`. */
    authorization: z
      .string()
      .min(1, "is required")
      .max(4096, "must be at most 4096 characters")
      .refine((v) => !CONTROL_CHARACTERS.test(v), "must not contain line breaks or control characters")
      .optional(),
    /** HMAC-SHA256 key for `X-Mailgate-Signature`. */
    signingSecret: z
      .string(required("a string"))
      .min(16, "must be at least 16 characters (generate one with `openssl rand -hex 32`)")
      .max(512, "must be at most 512 characters"),
    /**
     * Lets the endpoint resolve to private, loopback or link-local addresses.
     * @default false
     */
    allowPrivateTargets: allowPrivateTargets.default(false),
    /**
     * Deadline for the whole request (DNS, connect, response).
     * @default 10000
     */
    timeoutMs: z.number().int("must be a whole number of milliseconds").min(1000, "must be at least 1000").max(60_000, "must be at most 60000").default(10_000),
  })
  .strict();

export type HttpConfig = z.infer<typeof httpConfigSchema>;

export const httpFields: readonly ConnectorField[] = [
  {
    key: "endpoint",
    label: "Endpoint URL",
    type: "url",
    required: true,
    placeholder: "https://mail.internal.example.com/mailgate",
    help: "Mailgate POSTs every email here as JSON; your service sends it. Redirects are not followed.",
  },
  {
    key: "authorization",
    label: "Authorization header",
    type: "password",
    secret: true,
    placeholder: "Bearer …",
    help: "Optional. Sent as the Authorization header of every request, exactly as typed.",
  },
  {
    key: "signingSecret",
    label: "Signing secret",
    type: "password",
    secret: true,
    required: true,
    help: "At least 16 characters; generate one with `openssl rand -hex 32`. Every request carries an HMAC-SHA256 signature made with it (X-Mailgate-Signature) so your endpoint can tell it came from Mailgate.",
  },
  // Not under "Advanced": an endpoint on the operator's own network is a common reason to use this connector.
  allowPrivateTargetsField("the endpoint", { advanced: false }),
  {
    key: "timeoutMs",
    label: "Timeout (milliseconds)",
    type: "number",
    default: 10_000,
    advanced: true,
    help: "1000–60000. A request that takes longer is abandoned and retried later by the outbox.",
  },
];
