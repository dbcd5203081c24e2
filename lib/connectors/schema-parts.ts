import { z } from "zod";
import type { ConnectorField } from "./types";

/**
 * Config schema pieces and form fields the API connectors (SendGrid, Mailgun,
 * Postmark, Resend, SES, Aliyun) share, so a base URL or a timeout is checked
 * and described the same way for each of them. The HTTP and SMTP connectors
 * have their own, stricter rules and messages, but share the private-target
 * switch.
 */

/** "is required" for a missing value (the form omits blank fields), not zod's "expected string, received undefined". */
export const requiredText = (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : "must be text");

// Printable ASCII without space: what a console shows for a key, so a pasted space or line break is a mistake.
const PRINTABLE = /^[\x21-\x7e]+$/;

/** A key or token as the provider's console shows it: printable ASCII, no spaces (a pasted newline is trimmed). */
export const apiKey = (what: "key" | "token" = "key") =>
  z
    .string({ error: requiredText })
    .trim()
    .min(1, "is required")
    .max(512)
    .regex(PRINTABLE, `must be the ${what} exactly as shown, without spaces`);

/** A cloud access key or secret (Aliyun RAM, AWS IAM): printable ASCII, no spaces (a pasted newline is trimmed away). */
export const printable = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "is required")
    .max(max)
    .regex(PRINTABLE, "must be pasted exactly as shown, without spaces");

/** http(s) only, and nothing that would end up in a log line or change the request (credentials, query). */
export const baseUrl = z
  .string()
  .trim()
  .max(2000)
  .refine(isPlainHttpUrl, "must be an http:// or https:// URL without user, password, query or fragment");

/** Milliseconds for the whole request. @default 10000 (PROVIDER_TIMEOUT_MS) */
export const timeoutMs = z.number().int().min(1000).max(60_000);

/**
 * Lets the connector call private, loopback and link-local addresses (the SSRF
 * guard in net/guard.ts refuses them otherwise). Shared by every connector
 * that opens a connection, the HTTP and SMTP ones included.
 * @default false
 */
export const allowPrivateTargets = z.boolean();

/** The "Allow private network targets" checkbox; `target` names what it opens up (`the API base URL`). */
export function allowPrivateTargetsField(target: string, { advanced = true }: { advanced?: boolean } = {}): ConnectorField {
  return {
    key: "allowPrivateTargets",
    label: "Allow private network targets",
    type: "checkbox",
    default: false,
    advanced,
    help:
      `Off by default. When on, ${target} may be a private, loopback or link-local address (10.x, 192.168.x, 127.0.0.1, ` +
      "169.254.169.254…). Anyone who can edit this connector could then make the server send requests into your internal " +
      `network, including cloud metadata services. Turn it on only if ${target} really is on your private network.`,
  };
}

/** The "Advanced" base URL field; `default` only where the provider has a single address. */
export function baseUrlField(field: { label: string; placeholder: string; help: string; default?: string }): ConnectorField {
  const { label, help, ...rest } = field;
  return { key: "baseUrl", label, type: "url", ...rest, advanced: true, help };
}

/** The "Advanced" timeout field, in the words the form shows for every API connector. */
export function timeoutField(provider: string): ConnectorField {
  return {
    key: "timeoutMs",
    label: "Timeout (ms)",
    type: "number",
    default: 10_000,
    placeholder: "10000",
    advanced: true,
    help: `How long to wait for ${provider} before trying again later (1000–60000).`,
  };
}

function isPlainHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password && !url.search && !url.hash;
  } catch {
    return false;
  }
}
