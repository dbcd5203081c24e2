import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isSocialErrorReason, SOCIAL_ERRORS } from "@/lib/social/error-reasons";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("socialPages"))("errorMetaTitle") };
}

/** Where a social sign-in that could not finish ends (lib/social/error-reasons.ts), with the way back. */
export default async function SocialErrorPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const [{ reason }, t] = await Promise.all([searchParams, getTranslations("socialPages")]);
  const key = SOCIAL_ERRORS[isSocialErrorReason(reason) ? reason : "failed"];
  return (
    <div className="stack">
      <div>
        <h1>{t(`${key}Title`)}</h1>
        <p role="alert">{t(`${key}Text`)}</p>
      </div>
      <div className="links">
        <Link href="/sign-in">{t("back")}</Link>
      </div>
    </div>
  );
}
