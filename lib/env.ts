import { z } from "zod";

/**
 * The only place that reads process.env (lint enforces it). Parsed once at
 * boot so a bad deployment fails at start with every problem listed, not on
 * the first email.
 */
const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** `file:` for SQLite (default), `postgresql://` for PostgreSQL. */
    DATABASE_URL: z
      .string()
      .default("file:./.data/mailgate.db")
      .refine((v) => v.startsWith("file:") || /^postgres(ql)?:\/\//.test(v), "must start with file: or postgresql://"),
    /** Signs session cookies and keys the code HMAC. Generated into .env.local on first run. */
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (run `npm run dev` once to generate one)"),
    /** The public origin of the app; state-changing requests must come from it. */
    APP_URL: z.url().default("http://localhost:3000"),
    EMAIL_CONNECTOR: z.enum(["dev", "smtp"]).default("dev"),
    SMTP_HOST: z.string().optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    /** true = implicit TLS (usually port 465); false = STARTTLS when offered (587). */
    SMTP_SECURE: bool,
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    EMAIL_FROM: z.string().default("Mailgate <no-reply@localhost>"),
    /** The dev mailbox shows every email to anyone: refused in production unless this is true. */
    DEV_MAILBOX_IN_PRODUCTION: bool,
    /** Header holding the client address, set by your reverse proxy. The last value is used. */
    CLIENT_IP_HEADER: z.string().default("x-forwarded-for"),
    /** Comma-separated addresses that get the admin console (besides the first account, the owner). */
    ADMIN_EMAILS: z
      .string()
      .default("")
      .transform((v) => v.split(",").map((a) => a.trim().toLowerCase()).filter(Boolean)),
    /**
     * Keys that seal connector secrets and queued email bodies (AES-256-GCM):
     * `id:base64key[,id:base64key…]`, 32-byte keys, the first one encrypts,
     * all of them decrypt (rotation). Unset: one key derived from AUTH_SECRET.
     */
    ENCRYPTION_KEYS: z.string().optional(),
    /** `inline`: the app process also runs the outbox worker. `off`: run `npm run worker` separately. */
    OUTBOX_WORKER: z.enum(["inline", "off"]).default("inline"),
    /** Attempts per email, the first (inline) one included. */
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    /** Delay before the first retry; each next one doubles (with jitter). 60 → about 30 minutes over 6 attempts. */
    OUTBOX_RETRY_BASE_SECONDS: z.coerce.number().min(0.01).max(3600).default(60),
    /** How long a request waits for its email's first attempt before saying "on its way" (the attempt carries on). */
    OUTBOX_INLINE_SECONDS: z.coerce.number().min(0.1).max(60).default(4),
    /** How often the worker looks for due messages. */
    OUTBOX_POLL_SECONDS: z.coerce.number().min(0.05).max(300).default(5),
  })
  .superRefine((env, ctx) => {
    if (env.EMAIL_CONNECTOR === "smtp" && !env.SMTP_HOST) {
      ctx.addIssue({ code: "custom", path: ["SMTP_HOST"], message: "is required when EMAIL_CONNECTOR=smtp" });
    }
  });

export type Env = z.infer<typeof envSchema>;

function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv(process.env);
export const isProduction = env.NODE_ENV === "production";
export const isPostgres = /^postgres(ql)?:\/\//.test(env.DATABASE_URL);
/** Cookies are Secure whenever the app is served over https (every real deployment). */
export const secureCookies = env.APP_URL.startsWith("https://");
