import { fail, fieldFail, type Failure } from "@/lib/result";

/**
 * A machine-readable reason on an expected failure, for the JSON API (the
 * forms ignore it: `errorState` copies only the texts). Attached to the
 * ordinary `Result` failure so every lib function keeps one return type.
 */
export type ErrorCode =
  | "invalid_input"
  | "invalid_request"
  | "verification_required"
  | "forbidden"
  | "not_found"
  | "gone"
  | "conflict"
  | "rate_limited"
  | "locked"
  | "send_failed";

export type CodedFailure = { ok: false; code?: ErrorCode } & Failure;

export const STEP_UP_REQUIRED = "Confirm it's you first.";

export function codedFail(code: ErrorCode, formError: string): CodedFailure {
  return { ...fail(formError), code };
}

export function codedFieldFail(code: ErrorCode, field: string, message: string): CodedFailure {
  return { ...fieldFail(field, message), code };
}

export function failureCode(failure: Failure): ErrorCode | undefined {
  return (failure as CodedFailure).code;
}
