import ipaddr from "ipaddr.js";
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

/** `VAR=` in a .env file means "not set", not "set to nothing". */
const unsetIfBlank = (v: unknown) => (v === "" ? undefined : v);

const isOrigin = (v: string) => {
  try {
    const url = new URL(v);
    return /^https?:$/.test(url.protocol) && url.pathname === "/" && !url.search && !url.hash && !url.username;
  } catch {
    return false;
  }
};

const isDatabaseUrl = (v: string) => {
  if (v.startsWith("file:")) return v.length > "file:".length;
  if (!/^postgres(ql)?:\/\//.test(v)) return false;
  try {
    return new URL(v).hostname !== "";
  } catch {
    return false;
  }
};

/** `10.0.0.0/8`, `2001:db8::/32`, or a single address (a /32 or /128). */
const cidrList = z.preprocess(
  unsetIfBlank,
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean))
    .refine((list) => list.every((c) => ipaddr.isValidCIDR(c) || ipaddr.isValid(c)), {
      error: "must be a comma-separated list of IP addresses or CIDR ranges, e.g. 10.0.0.0/8,fd00::/8",
    }),
);

/** `1.1.1.1`, `127.0.0.1:5353`, `[2606:4700::1111]:53`: what node:dns's setServers accepts. */
const isDnsServer = (v: string) => {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(v) ?? /^([^:]+)(?::(\d+))?$/.exec(v);
  const host = m?.[1] ?? v;
  const port = m?.[2] === undefined ? 53 : Number(m[2]);
  return ipaddr.isValid(host) && port >= 1 && port <= 65535;
};

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** `file:` for SQLite (default), `postgresql://` for PostgreSQL. */
    DATABASE_URL: z
      .string()
      .default("file:./.data/mailgate.db")
      .refine(isDatabaseUrl, "must be file:<path> (SQLite) or postgresql://user@host:5432/db"),
    /** Signs session cookies and keys the code HMAC. Generated into .env.local on first run. */
    AUTH_SECRET: z
      .string({ error: "is not set: run `npm run dev` once to generate one, or set 32+ random characters" })
      .min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)"),
    /**
     * The public origin of the app (default http://localhost:PORT). Every
     * absolute URL is built from it and state-changing requests must come
     * from it; the request's Host header is never trusted.
     */
    APP_URL: z.preprocess(unsetIfBlank, z.string().refine(isOrigin, "must be an origin such as https://auth.example.com (http or https, no path)").optional()),
    /** Port the server (`npm start`, `npm run dev`) listens on. */
    PORT: z.preprocess(unsetIfBlank, z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535).default(3000)),
    /**
     * Address to listen on. Unset: loopback only for `npm run dev` (the dev
     * mailbox shows every code), every interface for `npm start`.
     */
    HOST: z.preprocess(
      unsetIfBlank,
      z.string().refine((v) => v === "localhost" || ipaddr.isValid(v), "must be localhost or an IP address (0.0.0.0 or :: for every interface)").optional(),
    ),
    /** How many reverse proxies stand in front of the app; their X-Forwarded-For entries are trusted. */
    TRUSTED_PROXY_HOPS: z.preprocess(
      unsetIfBlank,
      z.coerce.number({ error: "must be a whole number of proxies (e.g. 1)" }).int("must be a whole number of proxies (e.g. 1)").min(0).max(20).optional(),
    ),
    /** Addresses of your reverse proxies; X-Forwarded-For is read from the right, skipping them. */
    TRUSTED_PROXIES: cidrList,
    /** Removed: it trusted a header any client can send. Refused so a deployment notices. */
    CLIENT_IP_HEADER: z.preprocess(unsetIfBlank, z.undefined({ error: "was removed: set TRUSTED_PROXY_HOPS=1 (or TRUSTED_PROXIES) when a reverse proxy sets X-Forwarded-For" }).optional()),
    EMAIL_CONNECTOR: z.enum(["dev", "smtp"], { error: 'must be "dev" or "smtp"' }).default("dev"),
    SMTP_HOST: z.string().optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    /** true = implicit TLS (usually port 465); false = STARTTLS when offered (587). */
    SMTP_SECURE: bool,
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    EMAIL_FROM: z.string().default("Mailgate <no-reply@localhost>"),
    /** The dev mailbox shows every email to anyone: refused in production unless this is true. */
    DEV_MAILBOX_IN_PRODUCTION: bool,
    /** Where the sender domain doctor asks DNS (comma-separated ip[:port]). @default the system's resolvers */
    DNS_SERVERS: z.preprocess(
      unsetIfBlank,
      z
        .string()
        .optional()
        .transform((v) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean))
        .refine((list) => list.every(isDnsServer), { error: "must be a comma-separated list of IP addresses with an optional port, e.g. 1.1.1.1,127.0.0.1:5353" }),
    ),
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
    if (env.TRUSTED_PROXY_HOPS !== undefined && env.TRUSTED_PROXIES.length > 0) {
      ctx.addIssue({ code: "custom", path: ["TRUSTED_PROXIES"], message: "set either TRUSTED_PROXY_HOPS or TRUSTED_PROXIES, not both" });
    }
  })
  .transform((env) => ({ ...env, APP_URL: new URL(env.APP_URL ?? `http://localhost:${env.PORT}`).origin }));

export type Env = z.infer<typeof envSchema>;

/** One line per problem, each naming its variable: what boot prints before it exits. */
export type EnvCheck = { ok: true; env: Env } | { ok: false; problems: string[] };

export function checkEnv(source: Record<string, string | undefined>): EnvCheck {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return { ok: true, env: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`) };
}

/** What only a serving process refuses (a build or a migration may run with them). */
export function servingProblems(env: Env): string[] {
  if (env.NODE_ENV === "production" && env.EMAIL_CONNECTOR === "dev" && !env.DEV_MAILBOX_IN_PRODUCTION) {
    return ["EMAIL_CONNECTOR: dev is refused in production (the dev mailbox shows every code to anyone): set EMAIL_CONNECTOR=smtp, or DEV_MAILBOX_IN_PRODUCTION=true for a demo"];
  }
  return [];
}

/** Thrown at import when the environment is invalid; `problems` are the lines boot prints. */
export class EnvError extends Error {
  override name = "EnvError";
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
}

function parseEnv(source: Record<string, string | undefined>): Env {
  const checked = checkEnv(source);
  if (!checked.ok) throw new EnvError(checked.problems);
  return checked.env;
}

export const env: Env = parseEnv(process.env);
export const isProduction = env.NODE_ENV === "production";
export const isPostgres = /^postgres(ql)?:\/\//.test(env.DATABASE_URL);
/** Cookies are Secure whenever the app is served over https (every real deployment). */
export const secureCookies = env.APP_URL.startsWith("https://");
