import "server-only";
import { redirect } from "next/navigation";
import { errorState, type ActionState, type Result } from "@/lib/result";
import { setFlowCookie } from "./flow";
import { finishSignIn } from "./finish-sign-in";

/** Step 1 of a code flow succeeded: remember the flow and go to its code page. */
export async function goToCodePage(result: Result<{ flowId: string }>, codePage: string, values: Record<string, string>): Promise<ActionState> {
  if (!result.ok) return errorState(result, values);
  await setFlowCookie(result.value.flowId);
  redirect(codePage);
}

/** A flow produced a session ticket: set the cookie and go home. */
export async function signInOrError(result: Result<{ ticket: string }>, values?: Record<string, string>): Promise<ActionState> {
  if (!result.ok) return errorState(result, values);
  return finishSignIn(result.value.ticket);
}

export function resendState(result: Result<null>): ActionState {
  return result.ok ? { status: "ok", message: "We sent a new code." } : errorState(result);
}

export const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};
