import "server-only";
import { requireAdmin } from "@/lib/auth/admin";
import type { CurrentUser } from "@/lib/auth/current-user";
import { requireAccountUser, requireUser } from "@/lib/auth/require-user";
import type { OrgAccess } from "@/lib/orgs/find-org-access";
import type { OrgRole } from "@/lib/orgs/permissions";
import { requireOrgRole } from "@/lib/orgs/require-org-role";

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

/**
 * A member of the organization the action is about, with `minimum` or a
 * higher role. The organization is the first bound argument
 * (`action.bind(null, slug)`), or else the form's `slug` field; bind it when
 * the form itself edits the slug (the settings form). A non-member gets the 404 page (the
 * organization's existence is not revealed); a lower role is sent to the
 * organization's page (lib/orgs/require-org-role.ts). The lib function the
 * handler calls checks its own permission again, under the organization's lock.
 */
export const orgRole = (minimum: OrgRole): Guard<{ user: CurrentUser; org: OrgAccess }> => async (raw) => {
  const slug = typeof raw.bound[0] === "string" ? raw.bound[0] : raw.fields.slug;
  const { user, ...org } = await requireOrgRole(slug, minimum);
  return { user, org };
};
