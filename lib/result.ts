import type { Failure, FieldErrors } from "@/lib/errors/failure";

/**
 * The one shape every form action returns. Expected failures are values;
 * bugs throw. Never put a password, a secret or the right code into this
 * state: it is sent back to the browser (a code the person typed may come
 * back, see lib/action.ts `refill`).
 */
export type ActionState =
  | { status: "idle" }
  | { status: "ok"; message?: string; resendInSeconds?: number }
  | {
      status: "error";
      formError?: string;
      fieldErrors?: FieldErrors;
      /** Non-secret input to put back into the form (never passwords; a typed code may, never the right one). */
      values?: Record<string, string>;
      resendInSeconds?: number;
    };

/** What a lib function returns: its value, or an expected failure (lib/errors/failure.ts) with a stable code. */
export type Result<T> = { ok: true; value: T } | Failure;

export const idle: ActionState = { status: "idle" };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** The form state for an expected failure (its texts; forms do not show the code), with the non-secret input to refill. */
export function errorState(failure: Pick<Failure, "formError" | "fieldErrors">, values?: Record<string, string>): ActionState {
  return { status: "error", formError: failure.formError, fieldErrors: failure.fieldErrors, values };
}
