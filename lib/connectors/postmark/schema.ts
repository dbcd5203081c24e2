import { z } from "zod";
import { allowPrivateTargets, allowPrivateTargetsField, apiKey, baseUrl, baseUrlField, timeoutField, timeoutMs } from "../schema-parts";
import type { ConnectorField } from "../types";

export const POSTMARK_API_BASE = "https://api.postmarkapp.com";

/** Every Postmark server has this transactional stream; broadcasts use another one. */
export const POSTMARK_DEFAULT_STREAM = "outbound";

/**
 * Postmark settings. The sender is not part of it: it comes with each message
 * and must be a confirmed Sender Signature or on a verified domain.
 */
export const postmarkConfigSchema = z
  .object({
    /** The Server API token (not the Account token). */
    serverToken: apiKey("token"),
    /** The message stream ID. @default "outbound" */
    messageStream: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, "must be a message stream ID such as outbound")
      .optional(),
    /** @default POSTMARK_API_BASE */
    baseUrl: baseUrl.optional(),
    /** Lets the base URL be a private, loopback or link-local address. @default false */
    allowPrivateTargets: allowPrivateTargets.optional(),
    /** Milliseconds for the whole request. @default 10000 */
    timeoutMs: timeoutMs.optional(),
  })
  .strict();

export type PostmarkConfig = z.infer<typeof postmarkConfigSchema>;

export const postmarkFields: readonly ConnectorField[] = [
  {
    key: "serverToken",
    label: "Server API token",
    type: "password",
    secret: true,
    required: true,
    placeholder: "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
    help: "Servers → your server → API Tokens. A server token can only use that one server; never paste the Account token.",
  },
  {
    key: "messageStream",
    label: "Message stream",
    type: "text",
    default: POSTMARK_DEFAULT_STREAM,
    placeholder: POSTMARK_DEFAULT_STREAM,
    help: "A transactional stream of this server. \"outbound\" is the default one.",
  },
  baseUrlField({
    label: "API base URL",
    default: POSTMARK_API_BASE,
    placeholder: POSTMARK_API_BASE,
    help: "Only for a proxy: Postmark has a single API address.",
  }),
  allowPrivateTargetsField("the API base URL"),
  timeoutField("Postmark"),
];
