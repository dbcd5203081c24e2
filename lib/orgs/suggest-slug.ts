import { RESERVED_SLUGS, SLUG_MAX, SLUG_MIN } from "./validate-organization";

/**
 * A URL name to offer for an organization's name ("Acme Research, Inc." →
 * "acme-research-inc"), which parseOrgSlug accepts; "" when the name has no
 * Latin letters or digits to build one from (the user types their own).
 * Pure, so the create form fills it in as the name is typed and the server
 * uses it when the form was sent without one (no JavaScript).
 */
export function suggestSlug(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // the accents NFKD split off: "Café" → "cafe"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, "");
  if (!base) return "";
  // Too short, or a word kept for the app's own pages: make it a different, still readable, name.
  return base.length < SLUG_MIN || RESERVED_SLUGS.has(base) ? `${base}-org` : base;
}
