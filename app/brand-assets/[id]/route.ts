import { findAsset } from "@/lib/branding/assets";

/**
 * An uploaded logo or favicon. The id is the image's SHA-256, so the bytes
 * behind a URL never change: cached for a year. Only re-encoded PNG and
 * WebP are ever stored (lib/branding/image.ts), and the headers make sure a
 * browser never treats them as anything else, nor runs anything in them.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const asset = await findAsset((await params).id);
  if (!asset) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(Buffer.from(asset.bytes), {
    headers: {
      "Content-Type": asset.contentType,
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "cross-origin",
      "Content-Disposition": "inline",
    },
  });
}
