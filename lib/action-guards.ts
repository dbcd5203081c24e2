import "server-only";
import { requireAdmin } from "@/lib/auth/admin";
import type { CurrentUser } from "@/lib/auth/current-user";
import { requireAccountUser, requireUser } from "@/lib/auth/require-user";

/**
 * Who may run an action, checked by the wrapper (lib/action.ts) before the
 * input is even looked at. A guard either returns what it learnt (merged
 * into the handler's arguments) or ends the request: a redirect to sign-in,
 * or a 404 where the action's existence should not be advertised.
 *
 * A guard sees the raw fields and bound arguments, so one that depends on
 * the input — `orgRole("admin")` finding the organization by its slug —
 * reads and checks that input itself, the way `admin` reads the session.
 */
export type RawInput = { fields: Readonly<Record<string, string>>; bound: readonly unknown[] };
export type Guard<C extends object> = (raw: RawInput) => Promise<C>;

/** Anyone, signed in or not: the sign-in, sign-up and reset flows. */
export const anyone: Guard<Record<never, never>> = async () => ({});

/** Signed in, and not owing the two-step setup an admin requires (they are sent to it). */
export const signedIn: Guard<{ user: CurrentUser }> = async () => ({ user: await requireAccountUser() });

/** Signed in, even while the required two-step setup is due: the setup itself and "Confirm it's you". */
export const signedInEvenIfMfaDue: Guard<{ user: CurrentUser }> = async () => ({ user: await requireUser() });

/** A console admin; anyone else gets the 404 the console's pages give. */
export const admin: Guard<{ user: CurrentUser }> = async () => ({ user: await requireAdmin() });
