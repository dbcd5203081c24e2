import { NextResponse, type NextRequest } from "next/server";
import { getCurrentAdmin } from "@/lib/auth/current-admin";
import { getCurrentUser } from "@/lib/auth/current-user";
import { findOrgAccess } from "@/lib/orgs/find-org-access";

/**
 * The console and an organization's pages, before they render. (Every
 * request's own checks and headers are the front door's, before Next.js:
 * lib/server/front-door.ts. A proxy costs every request it runs on about
 * 2 ms of Next's work, so it runs on these paths only: see `config`.)
 */
export async function proxy(request: NextRequest) {
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
  return NextResponse.next();
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
  matcher: ["/console", "/console/:path*", "/orgs/:path*"],
};
