import type { ErrorCode } from "@/lib/errors/codes";
import { errorResponse, failureResponse, type Failure } from "@/lib/errors/failure";
import type { Result } from "@/lib/result";

/**
 * The JSON APIs' answers (app/api/my-account/**, app/api/organizations/**):
 * lib results as responses, failures as `{ "error": { "code", "message",
 * "fields"? } }` with the status their code has in lib/errors/codes.ts, and
 * the body limits. Free of the session, so it is tested on its own;
 * lib/api/route.ts wraps the routes.
 */
export const MAX_BODY_BYTES = 16 * 1024;

const NO_STORE = { "Cache-Control": "no-store" };

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: NO_STORE });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: NO_STORE });
}

/** A refusal in the table's words for `code`, or the caller's own. */
export function apiError(code: ErrorCode, message?: string): Response {
  return errorResponse(code, message, { headers: NO_STORE });
}

/** An expected lib failure as a response: its code's status, its texts. */
export function apiFailure(failure: Failure): Response {
  return failureResponse(failure, NO_STORE);
}

/** `onOk` turns the value into the success response; failures map through `apiFailure`. */
export function respond<T>(result: Result<T>, onOk: (value: T) => Response): Response {
  return result.ok ? onOk(result.value) : apiFailure(result);
}

export type JsonBody = Record<string, unknown>;

/** Reads at most `limit` bytes (MAX_BODY_BYTES unless told); null when the body is longer. The caller checked Content-Length first. */
export async function readLimited(request: Request, limit = MAX_BODY_BYTES): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
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
    return apiError("unsupported_media_type");
  }
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as JsonBody;
  } catch {
    // Falls through to the same answer as a non-object.
  }
  return apiError("invalid_json");
}
