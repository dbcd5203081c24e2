import { z } from "zod";
import type { ConnectorField } from "../types";

/** "is required" for a missing value (the form omits blank fields), not zod's "expected string, received undefined". */
const requiredText = (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : "must be text");

/** Global accounts and subusers. EU regional subusers use `https://api.eu.sendgrid.com`. */
export const SENDGRID_API_BASE = "https://api.sendgrid.com";

/** An API key as SendGrid shows it: printable ASCII, no spaces (a pasted newline is trimmed). */
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
 * SendGrid settings. The sender is not part of it: it comes with each
 * message and must be a verified Sender Identity (single sender or an
 * authenticated domain) of the account the key belongs to.
 */
export const sendgridConfigSchema = z
  .object({
    apiKey,
    /** Validate the request without delivering anything. @default false */
    sandboxMode: z.boolean().optional(),
    /** @default SENDGRID_API_BASE */
    baseUrl: baseUrl.optional(),
    /** Milliseconds for the whole request. @default 10000 */
    timeoutMs: z.number().int().min(1000).max(60_000).optional(),
  })
  .strict();

export type SendgridConfig = z.infer<typeof sendgridConfigSchema>;

export const sendgridFields: readonly ConnectorField[] = [
  {
    key: "apiKey",
    label: "API key",
    type: "password",
    secret: true,
    required: true,
    placeholder: "SG.xxxxxxxx.xxxxxxxx",
    help: "Settings → API Keys → Create API Key → Restricted Access, with only Mail Send set to Full Access.",
  },
  {
    key: "sandboxMode",
    label: "Sandbox mode",
    type: "checkbox",
    default: false,
    help: "SendGrid checks each request and delivers nothing. For trying the set-up only: nobody receives their code.",
  },
  {
    key: "baseUrl",
    label: "API base URL",
    type: "url",
    default: SENDGRID_API_BASE,
    placeholder: SENDGRID_API_BASE,
    advanced: true,
    help: "EU regional subusers: https://api.eu.sendgrid.com.",
  },
  {
    key: "timeoutMs",
    label: "Timeout (ms)",
    type: "number",
    default: 10_000,
    placeholder: "10000",
    advanced: true,
    help: "How long to wait for SendGrid before trying again later (1000–60000).",
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
