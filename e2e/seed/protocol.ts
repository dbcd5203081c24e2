import type { RequestContext } from "@/lib/auth/request-context";

/**
 * Requests to e2e/seed/seeder.ts and its answers, one JSON object a line.
 * `n` pairs an answer with its request. `ctx` is what the app would have
 * read from the browser's request (client address, User-Agent,
 * Accept-Language): it lands in the session list and the activity log.
 */
export type SeedRequest =
  | {
      n: number;
      op: "create";
      email: string;
      /** null: an account without a password (code sign-in only). */
      password: string | null;
      name?: string;
      locale?: string;
      /** Return the existing account's id instead of failing when the address is taken. */
      ifMissing?: boolean;
      ctx: RequestContext;
    }
  | { n: number; op: "ticket"; userId: string; ctx: RequestContext };

/** `email` is the stored address (the account key, lower case). */
export type SeedAnswer = { n: number; ok: true; userId?: string; email?: string; ticket?: string } | { n: number; ok: false; error: string };
