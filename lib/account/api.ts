import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { getRequestContext, type RequestContext } from "@/lib/auth/request-context";
import { DATABASE_UNAVAILABLE_MESSAGE, describeFault, isDatabaseUnavailable } from "@/lib/db-unavailable";
import type { Failure, FieldErrors, Result } from "@/lib/result";
import { failureCode, type ErrorCode } from "./errors";

/**
 * The one place the JSON account API (app/api/my-account/**) turns requests
 * into lib calls and lib results into responses: session check, body
 * limits, and the error shape
 * `{ "error": { "code", "message", "fields"? } }` with its HTTP status.
 */
export const MAX_BODY_BYTES = 16 * 1024;

export type ApiErrorCode =
  | ErrorCode
  | "unauthorized"
  | "invalid_json"
  | "payload_too_large"
  | "unsupported_media_type"
  | "internal_error"
  | "database_unavailable";

export const API_STATUS: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  invalid_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  verification_required: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  locked: 429,
  internal_error: 500,
  send_failed: 502,
  database_unavailable: 503,
};

const NO_STORE = { "Cache-Control": "no-store" };

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: NO_STORE });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: NO_STORE });
}

export function apiError(code: ApiErrorCode, message: string, fields?: FieldErrors): Response {
  return json({ error: { code, message, ...(fields ? { fields } : {}) } }, API_STATUS[code]);
}

/** An expected lib failure as a response: its code, else invalid_input (field errors) or invalid_request. */
export function failureResponse(failure: Failure): Response {
  const code = failureCode(failure) ?? (failure.fieldErrors ? "invalid_input" : "invalid_request");
  const firstField = Object.values(failure.fieldErrors ?? {}).find((messages) => messages?.length)?.[0];
  return apiError(code, failure.formError ?? firstField ?? "The request could not be completed.", failure.fieldErrors);
}

/** `onOk` turns the value into the success response; failures map through `failureResponse`. */
export function respond<T>(result: Result<T>, onOk: (value: T) => Response): Response {
  return result.ok ? onOk(result.value) : failureResponse(result);
}

export type JsonBody = Record<string, unknown>;

/** Reads at most MAX_BODY_BYTES; null when the body is longer. */
async function readLimited(request: Request): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The request's JSON object. An empty body counts as `{}` (for operations
 * that need no input); anything else must be `application/json`, at most
 * 16 KB, and an object.
 */
export async function readJsonBody(request: Request): Promise<JsonBody | Response> {
  const tooLarge = () => apiError("payload_too_large", `The body must be at most ${MAX_BODY_BYTES / 1024} KB.`);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const text = await readLimited(request);
  if (text === null) return tooLarge();
  if (text.trim() === "") return {};
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !/^application\/[\w.+-]+\+json$/.test(type)) {
    return apiError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json).");
  }
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as JsonBody;
  } catch {
    // Falls through to the same answer as a non-object.
  }
  return apiError("invalid_json", "The body must be a JSON object.");
}

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
      if (!user) return apiError("unauthorized", "Sign in first.");
      const body = request.method === "GET" || request.method === "HEAD" ? {} : await readJsonBody(request);
      if (body instanceof Response) return body;
      const verificationId = request.headers.get("x-verification-id")?.trim() || undefined;
      const params = (await context?.params) ?? ({} as P);
      return await handler({ user, ctx: await getRequestContext(), params, body, verificationId, request });
    } catch (error) {
      unstable_rethrow(error);
      if (isDatabaseUnavailable(error)) {
        console.error("account API: database unavailable:", describeFault(error));
        return apiError("database_unavailable", DATABASE_UNAVAILABLE_MESSAGE);
      }
      console.error("account API:", error);
      return apiError("internal_error", "Something went wrong on our side. Try again.");
    }
  };
}
