/**
 * The normalised address of a picture someone else hosts (an avatar, an
 * organization's logo) that our pages and emails may load: https only, so it
 * is never mixed content, and no credentials in it. Null when it is not one.
 */
export function httpsImageUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname && !url.username && !url.password ? url.href : null;
  } catch {
    return null;
  }
}
