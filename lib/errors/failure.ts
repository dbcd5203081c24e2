import { httpStatus, userText, type ErrorCode } from "./codes";

/**
 * The one shape of an expected failure, returned (never thrown) by every lib
 * function that can refuse: a stable `code` from the table (lib/errors/codes.ts),
 * which gives a JSON answer its status, and the texts a form shows.
 */
export type FieldErrors = Partial<Record<string, string[]>>;

export type Failure = {
  ok: false;
  code: ErrorCode;
  /** About the whole request; a form shows it above its fields. */
  formError?: string;
  /** Per input (the form's names, which are also the JSON API's field names). */
  fieldErrors?: FieldErrors;
};

/** A failure with the table's words for `code`, or the caller's own. */
export function failWith(code: ErrorCode, formError: string = userText(code)): Failure {
  return { ok: false, code, formError };
}

/** One input is wrong (by default `invalid_input`; a wrong code that started a lock is `rate_limited`). */
export function failField(field: string, message: string, code: ErrorCode = "invalid_input"): Failure {
  return { ok: false, code, fieldErrors: { [field]: [message] } };
}

/** Several inputs are wrong at once, with an optional line above them. */
export function failFields(fieldErrors: FieldErrors, formError?: string): Failure {
  return { ok: false, code: "invalid_input", fieldErrors, ...(formError ? { formError } : {}) };
}

/**
 * The failures among several inputs' checks, as one: every field's errors
 * together, so a form shows them all at once and is fixed in one go. Null
 * when every check passed.
 */
export function combineFieldFailures(checks: readonly ({ ok: true } | Failure)[]): Failure | null {
  const failures = checks.filter((check): check is Failure => !check.ok);
  if (failures.length <= 1) return failures[0] ?? null;
  const fieldErrors: FieldErrors = {};
  for (const failure of failures) {
    for (const [name, messages] of Object.entries(failure.fieldErrors ?? {})) fieldErrors[name] = [...(fieldErrors[name] ?? []), ...(messages ?? [])];
  }
  const formError = failures.map((failure) => failure.formError).filter(Boolean).join(" ") || undefined;
  return { ok: false, code: failures[0]!.code, fieldErrors, ...(formError ? { formError } : {}) };
}

/**
 * The body of every refused JSON request (the account API, the front
 * door's refusals): `{ "error": { "code", "message", "fields"? } }`.
 */
export function errorBody(code: ErrorCode, message: string = userText(code), fields?: FieldErrors) {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

/** `errorBody` as a Response, with the table's status for the code. */
export function errorResponse(code: ErrorCode, message?: string, options: { fields?: FieldErrors; headers?: HeadersInit } = {}): Response {
  return Response.json(errorBody(code, message, options.fields), { status: httpStatus(code), headers: options.headers });
}

/** An expected failure as a JSON answer: its code, and its form error or else its first field's message. */
export function failureResponse(failure: Failure, headers?: HeadersInit): Response {
  const firstField = Object.values(failure.fieldErrors ?? {}).find((messages) => messages?.length)?.[0];
  return errorResponse(failure.code, failure.formError ?? firstField, { fields: failure.fieldErrors, headers });
}
