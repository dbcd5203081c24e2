import { z } from "zod";
import { RESERVED_HEADERS } from "../address";
import { allowPrivateTargets, allowPrivateTargetsField } from "../schema-parts";
import type { ConnectorField } from "../types";

/**
 * How the connection is secured.
 * - `tls`: implicit TLS from the first byte (SMTPS, usually port 465).
 * - `starttls`: plain connect, then STARTTLS is required; refuses to send in clear (usually port 587).
 * - `starttls-optional`: STARTTLS when the server offers it, otherwise plain (port 587 or 25).
 */
export const SMTP_SECURITY = ["tls", "starttls", "starttls-optional"] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

const requiredString = z.string({ error: (issue) => (issue.input === undefined ? "is required" : "must be text") }).min(1, "is required");

/**
 * XOAUTH2 (Google Workspace, Microsoft 365). Either a current access token,
 * or what it takes to get one (client id + secret + refresh token); both
 * together lets Mailgate use the token until the server refuses it, then renew.
 */
const oauth2Schema = z
  .object({
    type: z.literal("oauth2"),
    /** The mailbox the token belongs to. */
    user: requiredString,
    accessToken: z.string().min(1, "is required").optional(),
    clientId: z.string().min(1, "is required").optional(),
    clientSecret: z.string().min(1, "is required").optional(),
    refreshToken: z.string().min(1, "is required").optional(),
    /** Token endpoint. @default Google's (nodemailer's default) */
    accessUrl: z
      .string()
      .trim()
      .refine((v) => /^https?:\/\/[^\s/]+/i.test(v) && URL.canParse(v), "must be an http(s) URL")
      .optional(),
  })
  .strict()
  .superRefine((auth, ctx) => {
    const refresh = { clientId: auth.clientId, clientSecret: auth.clientSecret, refreshToken: auth.refreshToken };
    const given = Object.entries(refresh).filter(([, v]) => v !== undefined);
    if (given.length === 0 && auth.accessToken === undefined) {
      ctx.addIssue({ code: "custom", path: ["accessToken"], message: "is required unless client ID, client secret and refresh token are set" });
    }
    // Half a refresh setup would fail at the first expired token, long after it was saved.
    if (given.length > 0 && given.length < 3) {
      for (const [key, value] of Object.entries(refresh)) {
        if (value === undefined) ctx.addIssue({ code: "custom", path: [key], message: "is required to refresh the access token" });
      }
    }
  });

export const smtpAuthSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }).strict(),
  z
    .object({
      type: z.literal("login"),
      user: z.string().min(1, "is required"),
      password: z.string().min(1, "is required"),
    })
    .strict(),
  oauth2Schema,
]);

/** RFC 9110 token: the characters a header name may have. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Line breaks would start a new header; other control characters have no business in one. */
const HEADER_VALUE_FORBIDDEN = /[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/;
/** Set from the message itself (or by the mail library); a config header must not replace them. */
const CONFIG_RESERVED = new Set([...RESERVED_HEADERS, "date", "message-id", "in-reply-to", "references"]);

export function configHeaderProblem(name: string, value: string): string | undefined {
  if (!HEADER_NAME.test(name) || name.length > 100) return `"${name.slice(0, 60)}" is not a valid header name (letters, digits and -, no spaces or colons)`;
  const lower = name.toLowerCase();
  if (CONFIG_RESERVED.has(lower) || lower.startsWith("content-")) return `${name} comes from the message itself and cannot be set here`;
  if (HEADER_VALUE_FORBIDDEN.test(value)) return `the value of ${name} must be on one line`;
  if (value.length > 900) return `the value of ${name} is too long (at most 900 characters)`;
  return undefined;
}

const headersSchema = z.record(z.string(), z.string()).superRefine((headers, ctx) => {
  const entries = Object.entries(headers);
  if (entries.length > 50) ctx.addIssue({ code: "custom", message: "at most 50 headers" });
  for (const [name, value] of entries) {
    const problem = configHeaderProblem(name, value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }
});

/**
 * SMTP server settings. The sender (From) is not part of it: it comes with
 * each message, so one server can send for several brands.
 */
export const smtpConfigSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, "is required")
      .max(253)
      // A host name or IPv4 address, or a bare IPv6 address (at least two colons):
      // catches `smtp://…` and `host:587` pasted into the field.
      .regex(/^[^\s/:@]+$|^(?=(?:[^:]*:){2})[0-9a-fA-F:.]+$/, "must be a host name or IP address, without scheme or port"),
    port: z.number().int().min(1).max(65535),
    security: z.enum(SMTP_SECURITY),
    auth: smtpAuthSchema,
    /** Added to every message (a provider's configuration-set or stream header); the message's own headers win. */
    headers: headersSchema.optional(),
    /** Lets the server (and the OAuth token URL) be a private, loopback or link-local address. @default false */
    allowPrivateTargets: allowPrivateTargets.optional(),
  })
  .strict();

export type SmtpConfig = z.infer<typeof smtpConfigSchema>;
export type SmtpOAuth2 = Extract<SmtpConfig["auth"], { type: "oauth2" }>;

const OAUTH2 = { key: "auth.type", equals: "oauth2" } as const;

export const smtpFields: readonly ConnectorField[] = [
  { key: "host", label: "SMTP server", type: "text", required: true, placeholder: "smtp.example.com", help: "Host name or IP address only: no smtp://, no :port. A server on your own network needs “Allow private network targets” (Advanced)." },
  { key: "port", label: "Port", type: "number", required: true, default: 587, help: "587 for STARTTLS, 465 for implicit TLS, 25 for a relay on your own network." },
  {
    key: "security",
    label: "Security",
    type: "select",
    required: true,
    default: "starttls",
    options: [
      { value: "tls", label: "Implicit TLS (port 465)" },
      { value: "starttls", label: "STARTTLS, required (port 587)" },
      { value: "starttls-optional", label: "STARTTLS when offered" },
    ],
    help: "Must match the port: 465 speaks TLS from the first byte, 587 upgrades with STARTTLS. “When offered” sends in clear text if the server does not offer STARTTLS.",
  },
  {
    key: "auth.type",
    label: "Authentication",
    type: "select",
    required: true,
    default: "login",
    options: [
      { value: "none", label: "None (trusted relay)" },
      { value: "login", label: "Username and password" },
      { value: "oauth2", label: "OAuth 2.0 (XOAUTH2)" },
    ],
  },
  {
    key: "auth.user",
    label: "Username",
    type: "text",
    required: true,
    showWhen: { key: "auth.type", equals: ["login", "oauth2"] },
    help: "For OAuth 2.0, the address of the mailbox the token was issued for.",
  },
  { key: "auth.password", label: "Password", type: "password", secret: true, required: true, showWhen: { key: "auth.type", equals: "login" }, help: "Often an app password or API key rather than the account's own password." },
  { key: "auth.clientId", label: "OAuth client ID", type: "text", showWhen: OAUTH2 },
  { key: "auth.clientSecret", label: "OAuth client secret", type: "password", secret: true, showWhen: OAUTH2 },
  {
    key: "auth.refreshToken",
    label: "Refresh token",
    type: "password",
    secret: true,
    showWhen: OAUTH2,
    help: "With the client ID and secret, lets Mailgate get fresh access tokens by itself. Recommended.",
  },
  {
    key: "auth.accessToken",
    label: "Access token",
    type: "password",
    secret: true,
    showWhen: OAUTH2,
    help: "Optional when a refresh token is set. On its own it stops working when it expires (usually after an hour).",
  },
  {
    key: "auth.accessUrl",
    label: "Token URL",
    type: "url",
    showWhen: OAUTH2,
    advanced: true,
    placeholder: "https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token",
    help: "Where refresh tokens are exchanged. Leave empty for Google; Microsoft 365 needs its tenant's token URL.",
  },
  {
    key: "headers",
    label: "Extra headers",
    type: "headers",
    advanced: true,
    placeholder: "X-SES-CONFIGURATION-SET: transactional",
    help: "One “Name: value” per line, added to every email. From, To, Subject, Content-* and the other headers the message sets itself cannot be overridden.",
  },
  allowPrivateTargetsField("the SMTP server (or the OAuth token URL)"),
];
