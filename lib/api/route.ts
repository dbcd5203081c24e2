import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { getRequestContext, type RequestContext } from "@/lib/auth/request-context";
import { describeFault, isDatabaseUnavailable } from "@/lib/db-unavailable";
import { parseInput, queryObject, type InputSchema } from "./input";
import { apiError, apiFailure, readJsonBody, type JsonBody } from "./response";

/**
 * The one place the signed-in JSON APIs (app/api/my-account/**,
 * app/api/organizations/**) turn requests into lib calls: the session check,
 * the body (response.ts reads and limits it, and shapes every answer), the
 * zod schemas of the body and query, and the failures nobody expected.
 */
export type ApiRequest<P, B = JsonBody, Q = Record<string, string>> = {
  user: CurrentUser;
  ctx: RequestContext;
  params: P;
  body: B;
  query: Q;
  /** The step-up proof from the X-Verification-Id header. */
  verificationId: string | undefined;
  request: Request;
};

type Params = Record<string, string>;
type RouteContext<P> = { params: Promise<P> };
type RouteHandler<P> = (request: Request, context: RouteContext<P>) => Promise<Response>;
type Handler<P, B, Q> = (input: ApiRequest<P, B, Q>) => Promise<Response>;
type Unchecked<T> = z.ZodType<T, T>;

/**
 * What a route accepts: the names of its path segments (`[slug]` → "slug";
 * their values are the lib's to check, so a wrong one is the lib's 404, not
 * a 400), and zod schemas of the body and the query. A schema left out
 * passes that part through unchecked.
 */
export type RouteSpec<K extends readonly string[], B extends InputSchema, Q extends InputSchema> = { params?: K; body?: B; query?: Q };
type SegmentsOf<K extends readonly string[]> = { [name in K[number]]: string };

/**
 * Wraps a route handler: 401 when signed out, the body parsed and limited
 * (not for GET), then checked against the spec's zod schemas (400 with the
 * fields), a database outage as a 503 to retry (lib/db.ts already retried
 * what was safe to), and an unexpected error as a 500 without details.
 */
export function apiRoute<P extends Params = Record<string, never>>(handler: Handler<P, JsonBody, Params>): RouteHandler<P>;
export function apiRoute<
  const K extends readonly string[] = [],
  B extends InputSchema = Unchecked<JsonBody>,
  Q extends InputSchema = Unchecked<Params>,
>(spec: RouteSpec<K, B, Q>, handler: Handler<SegmentsOf<K>, z.output<B>, z.output<Q>>): RouteHandler<SegmentsOf<K>>;
export function apiRoute(
  specOrHandler: RouteSpec<readonly string[], InputSchema, InputSchema> | Handler<never, never, never>,
  maybeHandler?: Handler<never, never, never>,
): RouteHandler<Params> {
  const spec = typeof specOrHandler === "function" ? {} : specOrHandler;
  // Each overload's handler takes what its spec produces; past the checks below that is what it gets.
  const handler = (typeof specOrHandler === "function" ? specOrHandler : maybeHandler) as Handler<Params, unknown, unknown>;
  return async (request, context) => {
    try {
      const user = await getCurrentUser();
      if (!user) return apiError("unauthorized");
      const raw = request.method === "GET" || request.method === "HEAD" ? {} : await readJsonBody(request);
      if (raw instanceof Response) return raw;
      const body = spec.body ? parseInput(spec.body, raw) : { ok: true as const, value: raw };
      if (!body.ok) return apiFailure(body);
      const query = spec.query ? parseInput(spec.query, queryObject(request.url)) : { ok: true as const, value: queryObject(request.url) };
      if (!query.ok) return apiFailure(query);
      const verificationId = request.headers.get("x-verification-id")?.trim() || undefined;
      const params = (await context?.params) ?? {};
      const ctx = await getRequestContext();
      return await handler({ user, ctx, params, body: body.value, query: query.value, verificationId, request });
    } catch (error) {
      unstable_rethrow(error);
      if (isDatabaseUnavailable(error)) {
        console.error("API: database unavailable:", describeFault(error));
        return apiError("database_unavailable");
      }
      console.error("API:", error);
      return apiError("internal_error");
    }
  };
}
