import { createHash } from "node:crypto";
import sharp from "sharp";

export type AssetKind = "logo" | "favicon";

/** Largest upload accepted, in bytes. */
export const MAX_UPLOAD_BYTES = 256 * 1024;

/** The types an upload may be, as the file picker's `accept`. */
export const UPLOAD_ACCEPT = "image/png,image/svg+xml,image/webp";

export type ProcessedImage = { id: string; contentType: "image/png" | "image/webp"; bytes: Buffer };
export type ImageRefusal = { refused: string };

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What the bytes are, by their first bytes (never by the name or the browser's type, which the sender chooses). */
function sniff(bytes: Buffer): "png" | "webp" | "svg" | null {
  if (bytes.subarray(0, 8).equals(PNG)) return "png";
  if (bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WEBP") return "webp";
  const head = bytes.toString("utf8", 0, 1024).replace(/^\ufeff/, "").trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return "svg";
  return null;
}

/** Logos are shown 40 px high (80 on dense screens); favicons at most 64 px. */
const BOX: Record<AssetKind, { width: number; height: number }> = { logo: { width: 960, height: 240 }, favicon: { width: 64, height: 64 } };

/**
 * An uploaded logo or favicon, made safe to serve from our own origin: every
 * image is decoded and encoded again, so nothing but pixels survives (no
 * metadata, no trailing bytes that another parser might read as HTML). An
 * SVG is rasterised to PNG: no script, stylesheet or external reference in
 * it can ever run or load, and email clients, which mostly do not show SVG,
 * get a PNG. librsvg, reading from memory, loads no external files.
 */
export async function processUpload(kind: AssetKind, bytes: Buffer): Promise<ProcessedImage | ImageRefusal> {
  if (bytes.length === 0) return { refused: "The file is empty." };
  if (bytes.length > MAX_UPLOAD_BYTES) return { refused: `The file is ${Math.ceil(bytes.length / 1024)} KB; the limit is 256 KB.` };
  const format = sniff(bytes);
  if (!format) return { refused: "Upload a PNG, SVG or WebP image." };
  try {
    const box = BOX[kind];
    // limitInputPixels: a tiny file can declare an enormous canvas.
    const image = sharp(bytes, { limitInputPixels: 4096 * 4096, density: format === "svg" ? 288 : undefined, failOn: "error" })
      .rotate()
      .resize({ ...box, fit: "inside", withoutEnlargement: format !== "svg" });
    const webp = format === "webp" && kind === "logo";
    const out = webp ? await image.webp({ lossless: true }).toBuffer() : await image.png({ compressionLevel: 9 }).toBuffer();
    return { id: createHash("sha256").update(out).digest("hex"), contentType: webp ? "image/webp" : "image/png", bytes: out };
  } catch {
    return { refused: `This ${format.toUpperCase()} file could not be read as an image.` };
  }
}
