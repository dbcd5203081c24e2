import { vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { validateSession } from "@/lib/auth/session";
import { makeCtx } from "@/lib/account/test-fixtures";

/**
 * Drives the real route handlers of the JSON APIs against the test
 * database. Only the two request-scoped look-ups are replaced: who the
 * session cookie belongs to (next-auth's cookie is not made here — the
 * session row is still checked with validateSession) and the request
 * context. Import this module BEFORE the routes (await import(…) after it),
 * so they see the replacements.
 */
let signedIn: CurrentUser | null = null;

vi.mock("@/lib/auth/current-user", () => ({
  getCurrentUser: async () => (signedIn && (await validateSession(signedIn.sessionId)) ? signedIn : null),
}));
// Only the header read is replaced; the module's pure helpers (ipOf) stay real.
vi.mock("@/lib/auth/request-context", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/request-context")>()),
  getRequestContext: async () => makeCtx(),
}));

/** Who the next calls are made as (null: signed out). */
export function signInAs(user: CurrentUser | null): CurrentUser | null {
  signedIn = user;
  return user;
}

export const currentUser = (): CurrentUser => {
  if (!signedIn) throw new Error("nobody is signed in");
  return signedIn;
};

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;
export type CallOptions<P> = { body?: unknown; raw?: string; type?: string; verificationId?: string; params?: P; query?: string };

/** One request to `handler`: the JSON body (or `raw` text), the step-up header, the path's params and the query string. */
export async function call<P = Record<string, never>>(handler: Handler<P>, method: string, options: CallOptions<P> = {}) {
  const headers = new Headers();
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers.set("content-type", options.type ?? "application/json");
  if (options.verificationId) headers.set("x-verification-id", options.verificationId);
  const request = new Request(`http://127.0.0.1:3000/api${options.query ?? ""}`, { method, headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? ({} as P)) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, headers: response.headers };
}
