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

/** Pages that must never be the place a sign-in returns to: it would start again, or end where next-auth answers. */
const NOT_A_RETURN = /^\/(?:sign-in|sign-up|forgot-password|api)(?:[/?#]|$)/;

/**
 * Where to go once signed in (`/sign-in?next=/invite/…`): a path on this
 * site from the root, or null. `//host` and `/\host` are other sites to a
 * browser; control characters could split a header; the sign-in pages
 * themselves would loop. Checked where it arrives and again where it is used.
 */
export function safeReturnPath(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 512 || !raw.startsWith("/")) return null;
  if (raw.startsWith("//") || raw.includes("\\") || /[\u0000-\u001f\u007f]/.test(raw)) return null;
  if (NOT_A_RETURN.test(raw)) return null;
  // Any origin will do: the question is only whether the path stays on it.
  return onOrigin(raw, new URL("http://return.invalid")) ? raw : null;
}
