import { z } from "zod";
import { failFields } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";

/**
 * What a JSON route accepts, checked with zod before any lib function sees
 * it: the body (a JSON object) and the query string. A wrong shape is a 400
 * `invalid_input` naming every wrong field at once, never a 500. The lib
 * functions still check the meaning (a taken slug, an invalid address).
 */
export type InputSchema = z.ZodType<unknown, Record<string, unknown>>;

/** No fields at all: a body with any field is refused (a typo must not be ignored silently). */
export const noBody = z.strictObject({});

/** A query string as an object of its first values, for a schema to read. */
export function queryObject(url: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of new URL(url).searchParams) if (!(name in fields)) fields[name] = value;
  return fields;
}

/** `value` checked by `schema`; the failure names the fields (`emails.3` is reported on `emails`). */
export function parseInput<S extends InputSchema>(schema: S, value: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return ok(parsed.data as z.output<S>);
  const { formErrors, fieldErrors } = z.flattenError(parsed.error);
  return failFields(fieldErrors, formErrors.length > 0 ? formErrors.join(" ") : undefined);
}

/** A text field of at most `max` characters, with words a person can act on. */
export const text = (max: number) =>
  z.string({ error: "Must be a string." }).max(max, `Use at most ${max} characters.`);

/** An id from a URL or a body: short, so nothing huge reaches a query. */
export const idText = () => z.string({ error: "Must be a string." }).min(1, "Required.").max(64, "Not a valid id.");

/** `?limit=` for lists: a whole number in 1…max (default `fallback`). */
export const limitParam = (fallback: number, max: number) =>
  z.coerce
    .number({ error: "Must be a number." })
    .int("Must be a whole number.")
    .min(1, "Must be at least 1.")
    .max(max, `Must be at most ${max}.`)
    .default(fallback);
