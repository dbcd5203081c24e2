import { NextResponse, type NextRequest } from "next/server";
import { env, isProduction } from "@/lib/env";
import { checkRequestOrigin, originsFor } from "@/lib/security/origin";
import { securityHeaders } from "@/lib/security/headers";

/**
 * Runs before every request: refuses cross-site state changes (server
 * actions and route handlers alike) and sets the security headers.
 */
export function proxy(request: NextRequest) {
  const verdict = checkRequestOrigin(
    request,
    originsFor(env.APP_URL, request.headers.get("host"), request.headers.get("x-forwarded-proto")),
  );
  if (!verdict.allowed) {
    return NextResponse.json({ error: "forbidden", message: verdict.reason }, { status: 403 });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const headers = securityHeaders(nonce, { dev: !isProduction, https: env.APP_URL.startsWith("https://") });
  // Pages whose own response sets frame-ancestors (the dev mailbox preview)
  // are matched out below.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|dev/mailbox/[^/]+/html).*)" }],
};
