import { z } from "zod";
import type { ConnectorField } from "../types";

/** "is required" for a missing value (the form omits blank fields), not zod's "expected string, received undefined". */
const requiredText = (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : "must be text");

export const POSTMARK_API_BASE = "https://api.postmarkapp.com";

/** Every Postmark server has this transactional stream; broadcasts use another one. */
export const POSTMARK_DEFAULT_STREAM = "outbound";

/** A token as Postmark shows it: printable ASCII, no spaces (a pasted newline is trimmed). */
const serverToken = z
  .string({ error: requiredText })
  .trim()
  .min(1, "is required")
  .max(512)
  .regex(/^[\x21-\x7e]+$/, "must be the token exactly as shown, without spaces");

/** http(s) only, and nothing that would end up in a log line or change the request (credentials, query). */
const baseUrl = z
  .string()
  .trim()
  .max(2000)
  .refine(isPlainHttpUrl, "must be an http:// or https:// URL without user, password, query or fragment");

/**
 * Postmark settings. The sender is not part of it: it comes with each message
 * and must be a confirmed Sender Signature or on a verified domain.
 */
export const postmarkConfigSchema = z
  .object({
    /** The Server API token (not the Account token). */
    serverToken,
    /** The message stream ID. @default "outbound" */
    messageStream: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, "must be a message stream ID such as outbound")
      .optional(),
    /** @default POSTMARK_API_BASE */
    baseUrl: baseUrl.optional(),
    /** Milliseconds for the whole request. @default 10000 */
    timeoutMs: z.number().int().min(1000).max(60_000).optional(),
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
  {
    key: "baseUrl",
    label: "API base URL",
    type: "url",
    default: POSTMARK_API_BASE,
    placeholder: POSTMARK_API_BASE,
    advanced: true,
    help: "Only for a proxy: Postmark has a single API address.",
  },
  {
    key: "timeoutMs",
    label: "Timeout (ms)",
    type: "number",
    default: 10_000,
    placeholder: "10000",
    advanced: true,
    help: "How long to wait for Postmark before trying again later (1000–60000).",
  },
];

function isPlainHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password && !url.search && !url.hash;
  } catch {
    return false;
  }
}
