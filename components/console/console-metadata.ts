import "server-only";
import type { Metadata } from "next";
import { getCurrentAdmin } from "@/lib/auth/current-admin";
import { notFoundMetadata } from "@/components/not-found-metadata";

/**
 * A console page's metadata, for admins. Anyone else gets that page's 404,
 * and Next.js still sends the page's own metadata with it: so for them it
 * is the not-found page's, and the 404 looks like any other (down to the
 * document title) instead of naming the console page it stands in for.
 */
export async function consoleMetadata(title: string): Promise<Metadata> {
  if (!(await getCurrentAdmin())) return notFoundMetadata();
  return { title: `${title} · Console`, robots: { index: false, follow: false } };
}
