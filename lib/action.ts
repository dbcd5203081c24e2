import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { headers } from "next/headers";
import { getRequestContext, type RequestContext } from "@/lib/auth/request-context";
import { DATABASE_UNAVAILABLE, DatabaseUnavailableError, describeFault, isDatabaseUnavailable } from "@/lib/db-unavailable";
import { userText } from "@/lib/errors/codes";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { translateState } from "@/lib/i18n/translate-text";
import type { ActionState } from "@/lib/result";
import { markEntered, REQUEST_HEADER } from "@/lib/security/action-entry";
import type { Guard, RawInput } from "./action-guards";

/**
 * The one wrapper every form action goes through (app/**\/actions.ts):
 * guard → check the arguments → parse the fields with the action's zod
 * schema → the handler. An action is an endpoint anyone can post anything
 * to, so what arrives is not trusted to be what the page sent: anything but
 * FormData, bound arguments of the wrong shape or fields that fail the
 * schema come back as an error state (all field errors at once), never as
 * a 500. Expected failures are the handler's returned state; bugs throw;
 * redirects pass through. A database outage is a "try again" state.
 *
 * `refill` names the fields put back into the form after an error: only
 * non-secret ones (never a password: the state goes to the browser). A
 * one-time code the person typed may come back, so a wrong try can be
 * corrected rather than retyped: it is their own input, and the right code
 * never enters the state.
 */
export const UNREADABLE_FORM = "This form could not be read. Reload the page and try again.";

/** A text field: absent counts as empty (as an unticked or missing input is); bounded so nothing huge reaches the lib. */
export const field = (max = 2000) => z.string().max(max, `Use at most ${max} characters.`).default("");

type Schema = z.ZodType<unknown, Record<string, unknown>>;
type Tuple = z.ZodTuple;
type AnyState = { status: string };

type Definition<I extends Schema, B extends Tuple, C extends object> = {
  guard: Guard<C>;
  input?: I;
  /** Arguments the page binds (`action.bind(null, next)`): they come back from the browser like any input. */
  bound?: B;
  refill?: readonly (keyof z.output<I> & string)[];
};

type HandlerArgs<I extends Schema, B extends Tuple, C extends object> = {
  input: z.output<I>;
  bound: z.output<B>;
  ctx: RequestContext;
  /** The form's uploaded files by field name (first of each, non-empty only); the handler checks their size and type. */
  files: Record<string, File>;
} & C;
type Handler<I extends Schema, B extends Tuple, C extends object, R> = (args: HandlerArgs<I, B, C>) => Promise<R>;

const EMPTY = z.object({});
const NO_BOUND = z.tuple([]);

/** The form's text fields (first value of each name); files and React's own `$ACTION_…` fields are left out. */
function textFields(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && !name.startsWith("$ACTION_") && !(name in fields)) fields[name] = value;
  }
  return fields;
}

/** A file input left empty still posts a nameless, empty File: that is no upload. */
function uploadedFiles(form: FormData): Record<string, File> {
  const files: Record<string, File> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" && value.size > 0 && !(name in files)) files[name] = value;
  }
  return files;
}

const pick = (source: Record<string, unknown>, names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, typeof source[name] === "string" ? (source[name] as string) : ""]));

function withRefill<R>(state: R, values: Record<string, string> | undefined): R {
  const current = state as AnyState & { values?: unknown };
  if (!values || current?.status !== "error" || current.values) return state;
  return { ...current, values } as R;
}

type Outcome<R> = { state: R } | { refused: ActionState; unavailable?: unknown };

async function run<I extends Schema, B extends Tuple, C extends object, R>(
  def: Definition<I, B, C>,
  handler: Handler<I, B, C, R>,
  args: readonly unknown[],
): Promise<Outcome<R>> {
  const boundSchema = (def.bound ?? NO_BOUND) as B;
  const boundCount = boundSchema.def.items.length;
  const form = args.at(-1);
  const fields = form instanceof FormData ? textFields(form) : {};
  const refill = def.refill?.length ? def.refill : undefined;
  try {
    markEntered((await headers()).get(REQUEST_HEADER));
    const raw: RawInput = { fields, bound: args.slice(0, boundCount) };
    const context = await def.guard(raw);
    if (!(form instanceof FormData) || args.length <= boundCount) return { refused: { status: "error", formError: UNREADABLE_FORM } };
    const bound = boundSchema.safeParse(raw.bound);
    if (!bound.success) return { refused: { status: "error", formError: UNREADABLE_FORM } };
    const parsed = (def.input ?? (EMPTY as unknown as I)).safeParse(fields);
    if (!parsed.success) {
      const { formErrors, fieldErrors } = z.flattenError(parsed.error);
      const refused: ActionState = { status: "error", formError: formErrors.join(" ") || undefined, fieldErrors, values: refill && pick(fields, refill) };
      return { refused };
    }
    const input = parsed.data as z.output<I>;
    const state = await handler({ ...context, input, bound: bound.data as z.output<B>, ctx: await getRequestContext(), files: uploadedFiles(form) });
    return { state: withRefill(state, refill && pick(input as Record<string, unknown>, refill)) };
  } catch (error) {
    unstable_rethrow(error);
    if (!isDatabaseUnavailable(error)) throw error;
    console.error("action: database unavailable:", describeFault(error));
    return { refused: { status: "error", formError: userText(DATABASE_UNAVAILABLE), values: refill && pick(fields, refill) }, unavailable: error };
  }
}

/** The state a form shows, its texts in the reader's language (lib answers in English: lib/i18n/translate-text.ts). */
async function inReadersLanguage<R>(outcome: Outcome<R>): Promise<R | ActionState> {
  return translateState(await resolveLocale(), "state" in outcome ? outcome.state : outcome.refused);
}

/** An action for `useActionState`: `(previous state, form data) → state`. */
export function action<I extends Schema, C extends object, R extends AnyState>(def: Definition<I, Tuple, C>, handler: Handler<I, Tuple, C, R>) {
  return async (...args: [state: R | ActionState, form: FormData]): Promise<R | ActionState> => {
    return inReadersLanguage(await run(def, handler, args));
  };
}

/** The same, with arguments bound by the page before the state and the form data. */
export function boundAction<I extends Schema, B extends Tuple, C extends object, R extends AnyState>(
  def: Definition<I, B, C> & { bound: B },
  handler: Handler<I, B, C, R>,
) {
  return async (...args: [...z.output<B>, R | ActionState, FormData]): Promise<R | ActionState> => {
    return inReadersLanguage(await run(def, handler, args));
  };
}

/**
 * A plain `<form action>` without state: nowhere to show an error, so a
 * refused post does nothing and a database outage goes to the error page.
 */
export function formAction<I extends Schema, C extends object>(def: Definition<I, Tuple, C>, handler: Handler<I, Tuple, C, void>) {
  return async (...args: [form: FormData]): Promise<void> => {
    const outcome = await run(def, handler, args);
    if ("refused" in outcome && outcome.unavailable) throw new DatabaseUnavailableError(outcome.unavailable);
  };
}
