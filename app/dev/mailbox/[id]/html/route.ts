import { getDevMessage, isDevMailboxEnabled } from "@/lib/connectors/dev/mailbox";

export const dynamic = "force-dynamic";

/**
 * The stored HTML, served alone for the sandboxed preview frame on the detail
 * page. The CSP allows no script, no fetch and no frame; only inline styles and
 * https/data images, as a mail client would show them. Framing only by us.
 */
const PREVIEW_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy": "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
  "X-Frame-Options": "SAMEORIGIN",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
} as const;

function notFoundResponse() {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!isDevMailboxEnabled()) return notFoundResponse();
  const { id } = await params;
  const message = await getDevMessage(id);
  if (!message) return notFoundResponse();
  return new Response(message.html, { status: 200, headers: PREVIEW_HEADERS });
}
