import "server-only";
import { db } from "@/lib/db";
import type { ProcessedImage } from "./image";

export type StoredAsset = { contentType: string; bytes: Uint8Array };

const ID = /^[0-9a-f]{64}$/;

/** Stores a processed upload; the same image uploaded twice is one row (its id is its hash). */
export async function storeAsset(kind: "logo" | "favicon", image: ProcessedImage): Promise<string> {
  const bytes = new Uint8Array(image.bytes);
  await db.brandAsset.upsert({
    where: { id: image.id },
    create: { id: image.id, kind, contentType: image.contentType, bytes },
    update: {},
  });
  return image.id;
}

/** An uploaded image by id; null for anything that is not one (a malformed id never reaches the database). */
export async function findAsset(id: string): Promise<StoredAsset | null> {
  if (!ID.test(id)) return null;
  return db.brandAsset.findUnique({ where: { id }, select: { contentType: true, bytes: true } });
}
