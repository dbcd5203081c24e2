import { variablesFor, VARIABLE, type EmailKind, type TemplateText, type TemplateVariable } from "@/emails";
import type { FieldErrors } from "@/lib/errors/failure";

/** The console form's fields; the body's paragraphs are separated by a blank line. */
export type TemplateForm = { subject: string; heading: string; body: string; buttonLabel: string; footer: string };

export type ValidatedTemplate = { ok: true; text: TemplateText } | { ok: false; fieldErrors: FieldErrors };

const LIMITS = { subject: 200, heading: 200, body: 4000, buttonLabel: 60, footer: 600 } as const;
const MAX_PARAGRAPHS = 8;

const list = (names: readonly string[]) => names.map((name) => `{{${name}}}`).join(", ");

/** What is wrong with one field's variables: braces that are not a variable, or a name this email does not have. */
function variableErrors(value: string, allowed: readonly TemplateVariable[]): string[] {
  const errors: string[] = [];
  const unknown = [...value.matchAll(VARIABLE)].map((match) => match[1]!).filter((name) => !allowed.includes(name as TemplateVariable));
  if (unknown.length > 0) errors.push(`Unknown variable ${list([...new Set(unknown)])}: this email can use ${list(allowed)}.`);
  if (/\{\{|\}\}/.test(value.replace(VARIABLE, ""))) errors.push("Write a variable as {{name}}, with two braces on each side.");
  return errors;
}

export const paragraphsOf = (body: string): string[] =>
  body
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s*\r?\n\s*/g, " ").trim())
    .filter(Boolean);

/**
 * An operator's text for `kind`, checked: every `{{variable}}` is one this
 * email has (an unknown one would show braces to users), the required ones
 * are there (a code email without {{code}}), and each part fits. Values are
 * escaped where they are rendered, so no character is refused here.
 */
export function validateTemplate(kind: EmailKind, form: TemplateForm): ValidatedTemplate {
  const { allowed, required } = variablesFor(kind);
  const fieldErrors: FieldErrors = {};
  const add = (field: string, message: string) => (fieldErrors[field] = [...(fieldErrors[field] ?? []), message]);
  for (const field of Object.keys(LIMITS) as (keyof TemplateForm)[]) {
    const value = form[field];
    if (value.length > LIMITS[field]) add(field, `Use at most ${LIMITS[field]} characters.`);
    for (const error of variableErrors(value, allowed)) add(field, error);
  }
  const subject = form.subject.replace(/\s+/g, " ").trim();
  const heading = form.heading.replace(/\s+/g, " ").trim();
  const paragraphs = paragraphsOf(form.body);
  if (!subject) add("subject", "Enter a subject.");
  if (!heading) add("heading", "Enter a heading.");
  if (paragraphs.length === 0) add("body", "Write at least one paragraph.");
  if (paragraphs.length > MAX_PARAGRAPHS) add("body", `Use at most ${MAX_PARAGRAPHS} paragraphs.`);
  const everything = [form.subject, form.heading, form.body, form.footer].join("\n");
  const used = new Set([...everything.matchAll(VARIABLE)].map((match) => match[1]));
  const missing = required.filter((name) => !used.has(name));
  if (missing.length > 0) add("body", `This email must show ${list(missing)}: put it in the subject or the body.`);
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, text: { subject, heading, paragraphs, buttonLabel: form.buttonLabel.trim(), footer: form.footer.replace(/\s+/g, " ").trim() } };
}
