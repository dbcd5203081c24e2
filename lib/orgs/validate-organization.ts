import { failField, type Failure } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";
import { httpsImageUrl } from "@/lib/security/https-image-url";

/**
 * The fields of an organization, checked the same way on create and update:
 * a name, a URL slug and an optional logo URL. Each failure names its field.
 */
export const SLUG_MIN = 3;
export const SLUG_MAX = 40;
export const NAME_MAX = 80;
const LOGO_URL_MAX = 500;

/** Lowercase letters, digits and single hyphens inside: `acme`, `acme-eu-2`. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Words that are, or may become, paths next to /orgs/<slug> (/orgs/new,
 * /orgs/settings …) or that would read as the product's own pages.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "new", "create", "edit", "settings", "api", "admin", "admins", "console", "account", "accounts",
  "invite", "invites", "invitation", "invitations", "org", "orgs", "organization", "organizations",
  "members", "member", "owner", "owners", "sign-in", "sign-up", "signin", "signup", "login", "logout",
  "auth", "dev", "help", "support", "about", "app", "www", "mail", "mailgate", "static", "public",
  "null", "undefined", "me", "my", "self",
]);

const invalid = (field: string, message: string) => failField(field, message);

export function parseOrgName(raw: unknown): Result<string> {
  const name = typeof raw === "string" ? raw.normalize("NFKC").trim().replace(/\s+/g, " ") : "";
  if (!name) return invalid("name", "Enter the organization's name.");
  if (name.length > NAME_MAX) return invalid("name", `Use at most ${NAME_MAX} characters.`);
  if (/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(name)) return invalid("name", "Use letters, numbers, spaces and punctuation only.");
  return ok(name);
}

export function parseOrgSlug(raw: unknown): Result<string> {
  const slug = typeof raw === "string" ? raw.trim() : "";
  if (!slug) return invalid("slug", "Choose the organization's URL name.");
  if (slug.length < SLUG_MIN || slug.length > SLUG_MAX) return invalid("slug", `Use ${SLUG_MIN} to ${SLUG_MAX} characters.`);
  if (!SLUG.test(slug)) {
    return invalid("slug", "Use lowercase letters (a–z), digits and hyphens, starting and ending with a letter or digit.");
  }
  if (RESERVED_SLUGS.has(slug)) return invalid("slug", `"${slug}" is reserved. Choose another URL name.`);
  return ok(slug);
}

/** Optional: empty means no logo. Only https, so an email or page never loads it over plain http. */
export function parseLogoUrl(raw: unknown): Result<string | null> {
  const value = typeof raw === "string" ? raw.trim() : "";
  if (!value) return ok(null);
  if (value.length > LOGO_URL_MAX) return invalid("logoUrl", `Use a URL of at most ${LOGO_URL_MAX} characters.`);
  const url = httpsImageUrl(value);
  return url ? ok(url) : invalid("logoUrl", "Enter an https:// address of an image, or leave it empty.");
}

export const SLUG_TAKEN = "This URL name is taken. Choose another.";

/** Prisma's unique-constraint error: on an organization's own row only the slug can collide (ids are random). */
export const isSlugConflict = (error: unknown): boolean => (error as { code?: string }).code === "P2002";

/** Every field error of several checks at once (a form shows them together); null when all passed. */
export function allFieldErrors(...results: Result<unknown>[]): Failure | null {
  const failed = results.flatMap((r) => (r.ok ? [] : [r]));
  if (failed.length === 0) return null;
  return { ok: false, code: "invalid_input", fieldErrors: Object.assign({}, ...failed.map((f) => f.fieldErrors)) };
}
