import "server-only";
import { randomUUID } from "node:crypto";
import { EMAIL_KINDS, isLocale, type EmailKind, type Locale, type TemplateText } from "@/emails";
import { db } from "@/lib/db";
import { failWith } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";

export type TemplateVersion = { id: string; content: TemplateText | null; createdByEmail: string; createdAt: Date };

const key = (kind: string, locale: string) => `${kind}:${locale}`;

/** A stored version's text; anything that is not one (edited by hand) counts as the default, and says so. */
function parseContent(raw: string | null, id: string): TemplateText | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as TemplateText;
    const strings = [value.subject, value.heading, value.buttonLabel, value.footer];
    if (strings.every((item) => typeof item === "string") && Array.isArray(value.paragraphs) && value.paragraphs.every((item) => typeof item === "string")) return value;
  } catch {
    // Falls through to the default below.
  }
  console.error(`mailgate: email template version ${id} is not valid; the built-in text is used`);
  return null;
}

/**
 * How long the templates in use are reused, as for the settings
 * (lib/settings/get-settings.ts): a save here is seen at once, one made by
 * another instance within this time.
 */
const TTL_MS = 1000;
let cached: { active: Promise<Map<string, TemplateText>>; at: number } | null = null;

async function readActive(): Promise<Map<string, TemplateText>> {
  const rows = await db.emailTemplateVersion.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, kind: true, locale: true, content: true } });
  const active = new Map<string, TemplateText>();
  const seen = new Set<string>();
  for (const row of rows) {
    const at = key(row.kind, row.locale);
    if (seen.has(at)) continue;
    seen.add(at);
    const content = parseContent(row.content, row.id);
    if (content) active.set(at, content);
  }
  return active;
}

/** The operator's text in use for `kind` in `locale`; null for the built-in copy. */
export async function activeTemplate(kind: EmailKind, locale: Locale): Promise<TemplateText | null> {
  const now = Date.now();
  if (!cached || now - cached.at >= TTL_MS) {
    const active = readActive();
    cached = { active, at: now };
    active.catch(() => {
      if (cached?.active === active) cached = null;
    });
  }
  return (await cached.active).get(key(kind, locale)) ?? null;
}

/** Every saved version of one email, newest (the one in use) first. */
export async function templateVersions(kind: EmailKind, locale: Locale): Promise<TemplateVersion[]> {
  const rows = await db.emailTemplateVersion.findMany({ where: { kind, locale }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return rows.map((row) => ({ id: row.id, content: parseContent(row.content, row.id), createdByEmail: row.createdByEmail, createdAt: row.createdAt }));
}

/** The newest version of every email that has one: the console's overview. */
export async function latestVersions(): Promise<Map<string, TemplateVersion>> {
  const rows = await db.emailTemplateVersion.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const latest = new Map<string, TemplateVersion>();
  for (const row of rows) {
    const at = key(row.kind, row.locale);
    if (!latest.has(at)) latest.set(at, { id: row.id, content: parseContent(row.content, row.id), createdByEmail: row.createdByEmail, createdAt: row.createdAt });
  }
  return latest;
}

export const versionKey = key;

type Author = { id: string; email: string };

/**
 * Saves a new version, which is in use from now on: checked text
 * (validate.ts), or null for "reset to the default". Earlier versions stay.
 */
export async function saveTemplateVersion(kind: EmailKind, locale: Locale, content: TemplateText | null, by: Author): Promise<TemplateVersion> {
  const row = await db.emailTemplateVersion.create({
    data: { id: randomUUID(), kind, locale, content: content === null ? null : JSON.stringify(content), createdById: by.id, createdByEmail: by.email },
  });
  cached = null;
  return { id: row.id, content, createdByEmail: row.createdByEmail, createdAt: row.createdAt };
}

/** Brings an earlier version back, as a new version (so the revert itself is in the history). */
export async function revertTemplate(kind: EmailKind, locale: Locale, versionId: string, by: Author): Promise<Result<TemplateVersion>> {
  const row = await db.emailTemplateVersion.findUnique({ where: { id: versionId } });
  if (!row || row.kind !== kind || row.locale !== locale) return failWith("not_found", "This version no longer exists. Reload the page.");
  return ok(await saveTemplateVersion(kind, locale, parseContent(row.content, row.id), by));
}

export const isEmailKind = (value: string): value is EmailKind => (EMAIL_KINDS as readonly string[]).includes(value);
export { isLocale };
