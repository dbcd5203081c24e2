import type { ActionState } from "@/lib/result";

/**
 * The set-up form's state: the shared ActionState, plus which button it
 * answers (the test outcome and save errors show in different places) and
 * the non-secret input, which a successful test also returns so a form
 * posted without JavaScript keeps what was typed.
 */
export type ConnectorFormState = ActionState & {
  intent?: "test" | "save";
  values?: Record<string, string>;
};
