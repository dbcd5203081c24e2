/**
 * Where next-auth may send the browser after signing in or out: a path on
 * APP_URL, nothing else. A foreign origin, a protocol-relative `//host`, or
 * a value that is not a URL at all (next-auth's default callback throws on
 * those and answers 500) all become APP_URL's home page.
 */
export function sameOriginRedirect(url: string, appUrl: string): string {
  const app = new URL(appUrl);
  return onOrigin(url, app)?.href ?? `${app.origin}/`;
}

/** Whether `url` (absolute, or a path from the root) already points at APP_URL. */
export const isSameOrigin = (url: string, appUrl: string): boolean => onOrigin(url, new URL(appUrl)) !== null;

function onOrigin(url: string, app: URL): URL | null {
  try {
    // Relative only from the root: next-auth refuses `account` or `%ff` (a 500).
    const target = url.startsWith("/") ? new URL(url, app) : new URL(url);
    return target.origin === app.origin ? target : null;
  } catch {
    return null;
  }
}
