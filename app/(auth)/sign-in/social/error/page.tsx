import type { Metadata } from "next";
import Link from "next/link";
import { isSocialErrorReason, SOCIAL_ERRORS } from "@/lib/social/error-reasons";

export const metadata: Metadata = { title: "Sign-in not completed" };

/** Where a social sign-in that could not finish ends (lib/social/error-reasons.ts), with the way back. */
export default async function SocialErrorPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  const { title, text } = SOCIAL_ERRORS[isSocialErrorReason(reason) ? reason : "failed"];
  return (
    <div className="stack">
      <div>
        <h1>{title}</h1>
        <p role="alert">{text}</p>
      </div>
      <div className="links">
        <Link href="/sign-in">Back to sign in</Link>
      </div>
    </div>
  );
}
