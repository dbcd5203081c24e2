import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/** The not-found page's metadata (app/not-found.tsx), also what a console page gives a non-admin. */
export async function notFoundMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notFound"))("title") };
}
