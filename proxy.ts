import { NextResponse, type NextRequest } from "next/server";
import { env, isProduction } from "@/lib/env";
import { safeCallbackCookie } from "@/lib/auth/next-auth-request";
import { malformedBody } from "@/lib/security/action-body";
import { checkRequestOrigin } from "@/lib/security/origin";
import { securityHeaders } from "@/lib/security/headers";

/**
 * Runs before every request: refuses cross-site state changes (server
 * actions and route handlers alike) and bodies Next.js would choke on, and
 * sets the security headers. (Malformed paths and oversized bodies are
 * refused earlier, by the front door: scripts/server.mjs.)
 */
export async function proxy(request: NextRequest) {
  const verdict = checkRequestOrigin(request, env.APP_URL);
  if (!verdict.allowed) {
    return NextResponse.json({ error: "forbidden", message: verdict.reason }, { status: 403 });
  }
  const malformed = await malformedBody(request);
  if (malformed) return NextResponse.json({ error: "bad_request", message: malformed }, { status: 400 });
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
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|dev/mailbox/[^/]+/html).*)" }],
};
