import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import { isLocale, type Locale } from "@/emails/i18n";
import { failFields, type FieldErrors } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";
import { httpsImageUrl } from "@/lib/security/https-image-url";
import { recordEvent } from "./audit";

export type Profile = {
  id: string;
  email: string;
  name: string | null;
  avatarUrl: string | null;
  /** null = follow the browser's language. */
  locale: Locale | null;
  hasPassword: boolean;
  createdAt: Date;
};

export const MAX_NAME_LENGTH = 100;
export const MAX_AVATAR_URL_LENGTH = 500;

export async function getProfile(userId: string): Promise<Profile | null> {
  const row = await db.user.findUnique({ where: { id: userId } });
  if (!row) return null;
  return {
    id: row.id, email: row.email, name: row.name, avatarUrl: row.avatarUrl,
    locale: row.locale && isLocale(row.locale) ? row.locale : null,
    hasPassword: Boolean(row.passwordHash), createdAt: row.createdAt,
  };
}

type ProfilePatch = { name?: string | null; avatarUrl?: string | null; locale?: string | null };
type Parsed = { ok: true; value: string | null } | { ok: false; message: string };

function parseName(raw: unknown): Parsed {
  if (typeof raw !== "string") return { ok: false, message: "Enter your name as text." };
  const name = raw.normalize("NFC").trim();
  if ([...name].length > MAX_NAME_LENGTH) return { ok: false, message: `Use at most ${MAX_NAME_LENGTH} characters.` };
  if (/[\p{Cc}\u2028\u2029]/u.test(name)) return { ok: false, message: "Use letters, numbers and spaces only." };
  return { ok: true, value: name || null };
}

function parseAvatarUrl(raw: unknown): Parsed {
  if (typeof raw !== "string") return { ok: false, message: "Enter a web address." };
  const value = raw.trim();
  if (!value) return { ok: true, value: null };
  if (value.length > MAX_AVATAR_URL_LENGTH) return { ok: false, message: `Use at most ${MAX_AVATAR_URL_LENGTH} characters.` };
  const url = httpsImageUrl(value);
  return url ? { ok: true, value: url } : { ok: false, message: "Enter an https:// address of an image." };
}

function parseLocale(raw: unknown): Parsed {
  if (raw === "" || raw === null) return { ok: true, value: null };
  return typeof raw === "string" && isLocale(raw) ? { ok: true, value: raw } : { ok: false, message: "Choose a language from the list." };
}

const PARSERS = { name: parseName, avatarUrl: parseAvatarUrl, locale: parseLocale } as const;

/**
 * Name (≤ 100), avatar (https URL ≤ 500, "" removes it) and language
 * ("en", "ja", or "" to follow the browser). A field that is absent
 * (undefined) is left as it is, so the API can PATCH one field.
 */
export async function updateProfile(user: CurrentUser, input: Record<string, unknown>, ctx: RequestContext): Promise<Result<null>> {
  const patch: ProfilePatch = {};
  const fieldErrors: FieldErrors = {};
  for (const field of Object.keys(PARSERS) as (keyof typeof PARSERS)[]) {
    if (input[field] === undefined) continue;
    const parsed = PARSERS[field](input[field]);
    if (parsed.ok) patch[field] = parsed.value;
    else fieldErrors[field] = [parsed.message];
  }
  if (Object.keys(fieldErrors).length > 0) return failFields(fieldErrors);
  const fields = Object.keys(patch);
  if (fields.length === 0) return ok(null);
  await db.user.update({ where: { id: user.id }, data: patch });
  await recordEvent("profile_updated", { userId: user.id, ip: ctx.ip, userAgent: ctx.userAgent }, { fields: fields.join(",") });
  return ok(null);
}
