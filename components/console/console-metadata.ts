import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getCurrentAdmin } from "@/lib/auth/current-admin";
import { notFoundMetadata } from "@/components/not-found-metadata";

/**
 * A console page's metadata, for admins: its title from `consoleTitles.<key>`
 * (with `values` filled in). Anyone else gets that page's 404, and Next.js
 * still sends the page's own metadata with it: so for them it is the
 * not-found page's, and the 404 looks like any other (down to the document
 * title) instead of naming the console page it stands in for.
 */
export async function consoleMetadata(key: string, values?: Record<string, string>): Promise<Metadata> {
  if (!(await getCurrentAdmin())) return notFoundMetadata();
  const t = await getTranslations("consoleTitles");
  return { title: t("page", { title: t(key as never, values as never) }), robots: { index: false, follow: false } };
}
