import type { z } from "zod";
import type { ConnectorField } from "./types";

/**
 * Turns the console form's flat string values into a config object by the
 * connector's field list, and back. Pure and shared by the server action,
 * the JSON-free form (no JavaScript) and the tests.
 *
 * Fields hidden by `showWhen` are dropped, so a strict schema's discriminated
 * unions (`auth.type`) see only the branch that was chosen.
 */

export type FormValues = Record<string, string | undefined>;

export function isFieldShown(field: ConnectorField, values: FormValues, fields: readonly ConnectorField[]): boolean {
  if (!field.showWhen) return true;
  const parent = fields.find((f) => f.key === field.showWhen!.key);
  if (parent && !isFieldShown(parent, values, fields)) return false;
  const current = values[field.showWhen.key] ?? (parent?.default !== undefined ? String(parent.default) : "");
  const expected = field.showWhen.equals;
  return typeof expected === "string" ? current === expected : expected.includes(current);
}

/** `Name: value` lines → a record; blank lines ignored. Throws on a line without a colon. */
export function parseHeaderLines(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(":");
    if (colon <= 0) throw new FieldInputError(`line ${i + 1} must look like "Name: value"`);
    out[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return out;
}

export class FieldInputError extends Error {}

export type FormParse = {
  /** The config as the schema expects it (not yet validated). */
  config: Record<string, unknown>;
  /** Secret fields left blank: "keep the saved value" when editing the same connector. */
  blankSecrets: string[];
  /** Values that could not even be converted (a number field with letters). */
  fieldErrors: Record<string, string>;
};

export function formToConfig(fields: readonly ConnectorField[], values: FormValues): FormParse {
  const config: Record<string, unknown> = {};
  const blankSecrets: string[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const field of fields) {
    if (!isFieldShown(field, values, fields)) continue;
    const raw = values[field.key];
    if (field.type === "checkbox") {
      setPath(config, field.key, raw === "on" || raw === "true");
      continue;
    }
    const text = (raw ?? "").trim();
    if (text === "") {
      if (field.secret) blankSecrets.push(field.key);
      // Absent, not "": optional fields take their schema default, required ones say "is required".
      continue;
    }
    if (field.type === "number") {
      const n = Number(text);
      if (!Number.isFinite(n)) fieldErrors[field.key] = "must be a number";
      else setPath(config, field.key, n);
    } else if (field.type === "headers") {
      try {
        setPath(config, field.key, parseHeaderLines(raw ?? ""));
      } catch (error) {
        fieldErrors[field.key] = (error as Error).message;
      }
    } else {
      // Secrets keep their exact value (a password may end in a space); the rest is trimmed.
      setPath(config, field.key, field.secret ? raw : text);
    }
  }
  return { config, blankSecrets, fieldErrors };
}

/** The values a form shows for a saved config: non-secret values as text; secrets never. */
export function configToFormValues(fields: readonly ConnectorField[], config: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (field.secret) continue;
    const value = getPath(config, field.key);
    if (value === undefined || value === null) continue;
    if (field.type === "checkbox") values[field.key] = value ? "on" : "";
    else if (field.type === "headers" && typeof value === "object") {
      values[field.key] = Object.entries(value as Record<string, string>).map(([k, v]) => `${k}: ${v}`).join("\n");
    } else values[field.key] = String(value);
  }
  return values;
}

export function getPath(obj: Record<string, unknown>, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    if (part === "__proto__" || part === "constructor" || part === "prototype") return;
    const next = cur[part];
    if (next === null || typeof next !== "object") cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1]!;
  if (last === "__proto__" || last === "constructor" || last === "prototype") return;
  cur[last] = value;
}

export function deletePath(obj: Record<string, unknown>, path: string): void {
  const parts = path.split(".");
  let cur: unknown = obj;
  for (const part of parts.slice(0, -1)) {
    if (cur === null || typeof cur !== "object") return;
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur && typeof cur === "object") delete (cur as Record<string, unknown>)[parts[parts.length - 1]!];
}

/** Splits a config into what may be stored in clear and the secret values by path. */
export function splitSecrets(
  fields: readonly ConnectorField[],
  config: Record<string, unknown>,
): { publicConfig: Record<string, unknown>; secrets: Record<string, unknown> } {
  const publicConfig = structuredClone(config);
  const secrets: Record<string, unknown> = {};
  for (const field of fields) {
    if (!field.secret) continue;
    const value = getPath(config, field.key);
    if (value !== undefined) secrets[field.key] = value;
    deletePath(publicConfig, field.key);
  }
  return { publicConfig, secrets };
}

export function mergeSecrets(publicConfig: Record<string, unknown>, secrets: Record<string, unknown>): Record<string, unknown> {
  const config = structuredClone(publicConfig);
  for (const [path, value] of Object.entries(secrets)) setPath(config, path, value);
  return config;
}

/** Form field name of a config path; set-up forms prefix them so they cannot clash with their own fields. */
export const configFieldName = (key: string) => `config.${key}`;

/**
 * A config schema's issues as form field errors (`config.<key>`), the first
 * one per field. A union's error sits on its parent (`auth`): it is shown
 * on the first field under it. A blank field reaches the schema as absent:
 * it says "Is required", not zod's "expected string, received undefined".
 */
export function schemaFieldErrors(fields: readonly ConnectorField[], error: z.ZodError, into: Record<string, string[] | undefined> = {}) {
  const keys = fields.map((f) => f.key);
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    const key = keys.find((k) => k === path) ?? keys.find((k) => k.startsWith(`${path}.`)) ?? path;
    const name = configFieldName(key);
    const text = issue.code === "invalid_type" && /received undefined/.test(issue.message) ? "Is required" : capitalize(issue.message);
    if (!into[name]) into[name] = [text];
  }
  return into;
}

const capitalize = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
