import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES, processUpload, type ProcessedImage } from "./image";

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 4, background: "#ff0000" } });

async function accepted(result: Awaited<ReturnType<typeof processUpload>>): Promise<ProcessedImage> {
  if ("refused" in result) throw new Error(`refused: ${result.refused}`);
  return result;
}

describe("processUpload", () => {
  it("re-encodes a PNG, named by the hash of what is stored", async () => {
    const image = await accepted(await processUpload("logo", await solid(200, 50).png().toBuffer()));
    expect(image.contentType).toBe("image/png");
    expect(await sharp(image.bytes).metadata()).toMatchObject({ format: "png", width: 200, height: 50 });
    expect(image.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it("rasterises an SVG to PNG: its script and external image are gone", async () => {
    const svg = Buffer.from(
      `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100" height="30" onload="alert(1)"><script>alert(1)</script>` +
        `<image href="https://example.com/x.png" width="10" height="10"/><rect width="100" height="30" fill="#00aa00"/></svg>`,
    );
    const image = await accepted(await processUpload("logo", svg));
    expect(image.contentType).toBe("image/png");
    expect(image.bytes.toString("latin1")).not.toMatch(/script|alert|example\.com/);
    expect((await sharp(image.bytes).metadata()).format).toBe("png");
  });

  it("keeps a WebP logo as WebP and makes a favicon a small PNG", async () => {
    const webp = await solid(300, 300).webp().toBuffer();
    expect((await accepted(await processUpload("logo", webp))).contentType).toBe("image/webp");
    const favicon = await accepted(await processUpload("favicon", webp));
    expect(favicon.contentType).toBe("image/png");
    expect(await sharp(favicon.bytes).metadata()).toMatchObject({ width: 64, height: 64 });
  });

  it.each([
    ["HTML", Buffer.from("<html><script>alert(1)</script></html>"), "Upload a PNG, SVG or WebP image."],
    ["a GIF", Buffer.from("GIF89a\x01\x00\x01\x00"), "Upload a PNG, SVG or WebP image."],
    ["an empty file", Buffer.alloc(0), "The file is empty."],
  ])("refuses %s", async (_name, bytes, message) => {
    expect(await processUpload("logo", bytes)).toEqual({ refused: message });
  });

  it("refuses a truncated PNG and a file over 256 KB, saying how big it was", async () => {
    const png = await solid(50, 50).png().toBuffer();
    expect(await processUpload("logo", png.subarray(0, 40))).toEqual({ refused: "This PNG file could not be read as an image." });
    const big = Buffer.concat([png, Buffer.alloc(MAX_UPLOAD_BYTES)]);
    expect(await processUpload("logo", big)).toEqual({ refused: `The file is ${Math.ceil(big.length / 1024)} KB; the limit is 256 KB.` });
  });
});
