import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { socialErrorPath, type SocialErrorReason } from "./error-reasons";

/**
 * next-auth ends a failed callback with a redirect to its sign-in or error
 * page carrying only a coarse type (`OAuthCallbackError`, or `Configuration`
 * for a state that does not match). The error itself reaches its logger; it
 * is kept here for the request (AsyncLocalStorage), so the redirect can be
 * turned into our error page with the real reason.
 */
const current = new AsyncLocalStorage<{ error?: unknown }>();

/** next-auth's `logger.error`: remembered for this request, and logged as before. */
export function noteAuthError(error: Error): void {
  const store = current.getStore();
  if (store) store.error = error;
  console.error(`[auth][error] ${error.name}: ${error.message}`);
}

const CALLBACK = /^\/api\/auth\/callback\/[^/]+$/;

/** Runs next-auth's handler for `req`; a callback it failed goes to /sign-in/social/error instead. */
export async function withSocialErrors(req: Request, handle: () => Promise<Response>): Promise<Response> {
  const url = new URL(req.url);
  if (!CALLBACK.test(url.pathname)) return handle();
  const store: { error?: unknown } = {};
  const response = await current.run(store, handle);
  const location = response.headers.get("location");
  const target = location ? new URL(location, url) : null;
  // next-auth's own error redirects: to pages.signIn / pages.error (/sign-in), or its built-in pages.
  if (!target || !target.searchParams.has("error") || !(target.pathname === "/sign-in" || target.pathname.startsWith("/api/auth/"))) return response;
  const headers = new Headers(response.headers);
  headers.set("location", new URL(socialErrorPath(callbackErrorReason(url.searchParams, store.error)), url).toString());
  return new Response(null, { status: response.status, headers });
}

/** Why a callback failed: what the provider said in the query first, then the error next-auth logged. */
export function callbackErrorReason(query: URLSearchParams, error: unknown): SocialErrorReason {
  const providerError = query.get("error");
  if (providerError === "access_denied") return "denied";
  if (providerError) return "provider";
  const chain = causes(error);
  if (chain.some((e) => e.type === "InvalidCheck" || /\b(state|nonce|code_verifier)\b/i.test(e.message ?? ""))) return "state";
  if (chain.some((e) => e.type === "OAuthCallbackError")) return "provider";
  if (chain.some((e) => e.name === "TypeError" && /fetch/i.test(e.message ?? "") || /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|refused to connect|blocked/i.test(`${e.code ?? ""} ${e.message ?? ""}`))) return "unreachable";
  return "failed";
}

type ErrorLike = { name?: string; message?: string; type?: string; code?: string; cause?: unknown; err?: unknown };

/** The error and what it wraps (next-auth puts the original under `cause.err`). */
function causes(error: unknown, depth = 0): ErrorLike[] {
  if (!error || typeof error !== "object" || depth > 6) return [];
  const e = error as ErrorLike;
  return [e, ...causes(e.err, depth + 1), ...causes(e.cause, depth + 1)];
}
