/**
 * The one shape every form action returns. Expected failures are values;
 * bugs throw. Never put a password or a code into this state: it is sent
 * back to the browser.
 */
export type FieldErrors = Partial<Record<string, string[]>>;

export type ActionState =
  | { status: "idle" }
  | { status: "ok"; message?: string; resendInSeconds?: number }
  | {
      status: "error";
      formError?: string;
      fieldErrors?: FieldErrors;
      /** Non-secret input to put back into the form (never passwords or codes). */
      values?: Record<string, string>;
      resendInSeconds?: number;
    };

export type Failure = { formError?: string; fieldErrors?: FieldErrors };
export type Result<T> = { ok: true; value: T } | ({ ok: false } & Failure);

export const idle: ActionState = { status: "idle" };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (formError: string): { ok: false } & Failure => ({ ok: false, formError });
export const fieldFail = (field: string, message: string): { ok: false } & Failure => ({
  ok: false,
  fieldErrors: { [field]: [message] },
});

/** The form state for an expected failure, with the non-secret input to refill. */
export function errorState(failure: Failure, values?: Record<string, string>): ActionState {
  return { status: "error", formError: failure.formError, fieldErrors: failure.fieldErrors, values };
}
