import { isSameOrigin, sameOriginRedirect } from "../security/safe-redirect";

/**
 * next-auth validates `callbackUrl` (query) and its callback-url cookie
 * before any callback of ours runs, and answers 500 when either is not a URL;
 * it also builds every link from the request's URL, which for a route
 * handler is the one Next made up (http://localhost:PORT). So what reaches
 * it is put on APP_URL first, with both values replaced by a path on APP_URL.
 */
export function forNextAuth(req: Request, appUrl: string): Request {
  const source = new URL(req.url);
  const url = new URL(`${source.pathname}${source.search}`, appUrl);
  const callbackUrl = url.searchParams.get("callbackUrl");
  if (callbackUrl !== null && !isSameOrigin(callbackUrl, appUrl)) url.searchParams.set("callbackUrl", sameOriginRedirect(callbackUrl, appUrl));
  const headers = new Headers(req.headers);
  const cookie = safeCallbackCookie(headers.get("cookie"), appUrl);
  if (cookie !== null) headers.set("cookie", cookie);
  // A plain Request: NextRequest would rewrite 127.0.0.1 to localhost.
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, body: req.body, duplex: "half" };
  return new Request(url, init);
}

const CALLBACK_COOKIE = /^(__Secure-)?authjs\.callback-url$/;

/** The Cookie header with next-auth's callback-url made safe, or null when nothing changed. */
export function safeCallbackCookie(header: string | null, appUrl: string): string | null {
  if (!header) return null;
  let changed = false;
  const pairs = header.split(";").map((pair) => {
    const at = pair.indexOf("=");
    if (at < 0 || !CALLBACK_COOKIE.test(pair.slice(0, at).trim())) return pair;
    const value = decodeOrKeep(pair.slice(at + 1).trim());
    if (isSameOrigin(value, appUrl)) return pair;
    changed = true;
    return `${pair.slice(0, at)}=${encodeURIComponent(sameOriginRedirect(value, appUrl))}`;
  });
  return changed ? pairs.join(";") : null;
}

function decodeOrKeep(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
