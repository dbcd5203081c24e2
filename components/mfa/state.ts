import type { ActionState } from "@/lib/result";

/**
 * A form state that may carry backup codes. They go back to the browser in
 * the action's answer and nowhere else: once the page is left or reloaded
 * they are gone, which is what "shown once" means.
 */
export type CodesState = ActionState | { status: "codes"; codes: string[]; message: string };

export type CodesAction = (state: CodesState, form: FormData) => Promise<CodesState>;

/** "ABCDEFGH…" → "ABCD EFGH …", the way people read a key into an app. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}
