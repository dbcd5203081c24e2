import { z } from "zod";
import type { ConnectorField } from "../types";

/** "is required" for a missing value (the form omits blank fields), not zod's "expected string, received undefined". */
const requiredText = (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : "must be text");

/** One API address for every account; the sending region is a property of each domain. */
export const RESEND_API_BASE = "https://api.resend.com";

/** A key as Resend shows it: printable ASCII, no spaces (a pasted newline is trimmed). */
const apiKey = z
  .string({ error: requiredText })
  .trim()
  .min(1, "is required")
  .max(512)
  .regex(/^[\x21-\x7e]+$/, "must be the key exactly as shown, without spaces");

/** http(s) only, and nothing that would end up in a log line or change the request (credentials, query). */
const baseUrl = z
  .string()
  .trim()
  .max(2000)
  .refine(isPlainHttpUrl, "must be an http:// or https:// URL without user, password, query or fragment");

/**
 * Resend settings. The sender is not part of it: it comes with each message
 * and must be an address on a domain verified in Resend.
 */
export const resendConfigSchema = z
  .object({
    apiKey,
    /** @default RESEND_API_BASE */
    baseUrl: baseUrl.optional(),
    /** Milliseconds for the whole request. @default 10000 */
    timeoutMs: z.number().int().min(1000).max(60_000).optional(),
  })
  .strict();

export type ResendConfig = z.infer<typeof resendConfigSchema>;

export const resendFields: readonly ConnectorField[] = [
  {
    key: "apiKey",
    label: "API key",
    type: "password",
    secret: true,
    required: true,
    placeholder: "re_xxxxxxxx",
    help: "API Keys → Create API Key with permission \"Sending access\", limited to your sending domain.",
  },
  {
    key: "baseUrl",
    label: "API base URL",
    type: "url",
    default: RESEND_API_BASE,
    placeholder: RESEND_API_BASE,
    advanced: true,
    help: "Only for a proxy: Resend has a single API address.",
  },
  {
    key: "timeoutMs",
    label: "Timeout (ms)",
    type: "number",
    default: 10_000,
    placeholder: "10000",
    advanced: true,
    help: "How long to wait for Resend before trying again later (1000–60000).",
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
