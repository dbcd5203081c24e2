import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { getRequestContext, type RequestContext } from "@/lib/auth/request-context";
import { describeFault, isDatabaseUnavailable } from "@/lib/db-unavailable";
import { apiError, readJsonBody, type JsonBody } from "./api-response";

/**
 * The one place the JSON account API (app/api/my-account/**) turns requests
 * into lib calls: the session check, the body (api-response.ts reads and
 * limits it, and shapes every answer) and the failures nobody expected.
 */
export type AccountRequest<P> = {
  user: CurrentUser;
  ctx: RequestContext;
  params: P;
  body: JsonBody;
  /** The step-up proof from the X-Verification-Id header. */
  verificationId: string | undefined;
  request: Request;
};

type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps a route handler: 401 when signed out, the body parsed and limited
 * (not for GET), a database outage as a 503 to retry (lib/db.ts already
 * retried what was safe to), and an unexpected error as a 500 without details.
 */
export function accountRoute<P extends Record<string, string> = Record<string, never>>(
  handler: (input: AccountRequest<P>) => Promise<Response>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      const user = await getCurrentUser();
      if (!user) return apiError("unauthorized");
      const body = request.method === "GET" || request.method === "HEAD" ? {} : await readJsonBody(request);
      if (body instanceof Response) return body;
      const verificationId = request.headers.get("x-verification-id")?.trim() || undefined;
      const params = (await context?.params) ?? ({} as P);
      return await handler({ user, ctx: await getRequestContext(), params, body, verificationId, request });
    } catch (error) {
      unstable_rethrow(error);
      if (isDatabaseUnavailable(error)) {
        console.error("account API: database unavailable:", describeFault(error));
        return apiError("database_unavailable");
      }
      console.error("account API:", error);
      return apiError("internal_error");
    }
  };
}
