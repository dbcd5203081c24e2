import { NextResponse, type NextRequest } from "next/server";
import { env, isProduction } from "@/lib/env";
import { getCurrentAdmin } from "@/lib/auth/current-admin";
import { getCurrentUser } from "@/lib/auth/current-user";
import { findOrgAccess } from "@/lib/orgs/find-org-access";
import { errorResponse } from "@/lib/errors/failure";
import { safeCallbackCookie } from "@/lib/auth/next-auth-request";
import { malformedBody } from "@/lib/security/action-body";
import { checkRequestOrigin } from "@/lib/security/origin";
import { securityHeaders } from "@/lib/security/headers";
import { PATH_HEADER } from "@/lib/i18n/path-header";

/**
 * Runs before every request: refuses cross-site state changes (server
 * actions and route handlers alike, provider webhooks excepted: they are
 * signed) and bodies Next.js would choke on, and
 * sets the security headers. (Malformed paths and oversized bodies are
 * refused earlier, by the front door: scripts/server.mjs.)
 */
export async function proxy(request: NextRequest) {
  const verdict = checkRequestOrigin({ method: request.method, headers: request.headers, pathname: request.nextUrl.pathname }, env.APP_URL);
  if (!verdict.allowed) {
    return errorResponse("forbidden", verdict.reason);
  }
  const malformed = await malformedBody(request);
  if (malformed) return errorResponse("invalid_request", malformed);
  // The console is not advertised: anyone but an admin gets the app's plain
  // 404, rendered here as for an address that never existed. (A page's own
  // notFound() would render it in the browser only, blank without
  // JavaScript: vercel/next.js#62228.) Pages and actions check again.
  if (isConsolePath(request.nextUrl.pathname) && !(await getCurrentAdmin())) return notFoundPage(request);
  // The same for an organization's pages and a signed-in non-member: exactly
  // what an organization that does not exist gives (requireOrgRole checks
  // again). Signed out, the page sends them to sign-in, which tells nothing.
  const orgSlug = orgSlugOf(request.nextUrl.pathname);
  if (orgSlug && (await isOutsider(orgSlug))) return notFoundPage(request);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const headers = securityHeaders(nonce, { dev: !isProduction, https: env.APP_URL.startsWith("https://") });
  // Pages whose own response sets frame-ancestors (the dev mailbox preview)
  // are matched out below.
  const requestHeaders = new Headers(request.headers);
  // next-auth answers 500 to a callback-url cookie that is not a URL, in
  // server actions (signIn) as in its own routes.
  const cookie = safeCallbackCookie(request.headers.get("cookie"), env.APP_URL);
  if (cookie !== null) requestHeaders.set("cookie", cookie);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

const isConsolePath = (path: string) => path === "/console" || path.startsWith("/console/");

const notFoundPage = (request: NextRequest) => NextResponse.rewrite(new URL("/_mailgate/not-found", request.url), { status: 404 });

/** The organization an /orgs/<slug>/… path is about (/orgs and /orgs/new are about none). */
function orgSlugOf(path: string): string | null {
  const slug = /^\/orgs\/([^/]+)/.exec(path)?.[1];
  return slug && slug !== "new" ? slug : null;
}

async function isOutsider(slug: string): Promise<boolean> {
  const user = await getCurrentUser();
  return user !== null && (await findOrgAccess(user.id, slug)) === null;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|dev/mailbox/[^/]+/html).*)" }],
};
