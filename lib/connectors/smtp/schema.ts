import { z } from "zod";

/**
 * How the connection is secured.
 * - `tls`: implicit TLS from the first byte (SMTPS, usually port 465).
 * - `starttls`: plain connect, then STARTTLS is required; refuses to send in clear (usually port 587).
 * - `starttls-optional`: STARTTLS when the server offers it, otherwise plain (port 587 or 25).
 */
export const SMTP_SECURITY = ["tls", "starttls", "starttls-optional"] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

export const smtpAuthSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }).strict(),
  z
    .object({
      type: z.literal("login"),
      user: z.string().min(1, "is required"),
      password: z.string().min(1, "is required"),
    })
    .strict(),
]);

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
  })
  .strict();

export type SmtpConfig = z.infer<typeof smtpConfigSchema>;
