import type { ConnectorField } from "@/lib/connectors/types";

/**
 * `showWhen` without JavaScript: CSS `:has()` on the form shows a field
 * while the select option (or checkbox state) it depends on is chosen, and
 * the parent's own condition too. The server ignores hidden fields anyway
 * (isFieldShown), so this is presentation only.
 *
 * Only selects and checkboxes can be read by CSS; a field that depends on
 * anything else is simply always shown (null selector).
 */

const NAME_PREFIX = "config.";

/** Safe inside a double-quoted CSS string, and inside a <style> element. */
const cssString = (value: string) => `"${value.replace(/[\\"]/g, "\\$&").replace(/</g, "\\3c ").replace(/\n/g, "\\a ")}"`;

function conditionFor(parent: ConnectorField, equals: string | readonly string[]): string | null {
  const name = cssString(NAME_PREFIX + parent.key);
  const wanted = typeof equals === "string" ? [equals] : [...equals];
  if (parent.type === "select") {
    return `:has(${wanted.map((value) => `select[name=${name}] option[value=${cssString(value)}]:checked`).join(", ")})`;
  }
  if (parent.type === "checkbox") {
    const on = wanted.some((v) => v === "on" || v === "true");
    const off = wanted.some((v) => v === "" || v === "false");
    if (on && off) return "";
    if (on) return `:has(input[name=${name}]:checked)`;
    if (off) return `:has(input[name=${name}]:not(:checked))`;
  }
  return null;
}

/** The `:has(…)` chain under which `field` is shown, "" if always, null if CSS cannot express it. */
export function showWhenSelector(field: ConnectorField, fields: readonly ConnectorField[], depth = 0): string | null {
  if (!field.showWhen) return "";
  const parent = fields.find((f) => f.key === field.showWhen!.key);
  if (!parent || depth > 8) return null;
  const own = conditionFor(parent, field.showWhen.equals);
  const inherited = showWhenSelector(parent, fields, depth + 1);
  if (own === null || inherited === null) return null;
  return inherited + own;
}

/** One rule per conditional field, scoped to the form's id. */
export function showWhenCss(formId: string, fields: readonly ConnectorField[]): string {
  const rules: string[] = [];
  for (const field of fields) {
    const selector = showWhenSelector(field, fields);
    if (!selector) continue;
    rules.push(`#${formId}${selector} [data-field=${cssString(field.key)}] { display: grid; }`);
  }
  return rules.join("\n");
}

/** Does the field start hidden (and rely on a rule above to appear)? */
export const isConditional = (field: ConnectorField, fields: readonly ConnectorField[]) => Boolean(showWhenSelector(field, fields));
