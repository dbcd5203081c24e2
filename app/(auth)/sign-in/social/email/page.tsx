import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { readFlowCookie } from "@/lib/auth/flow";
import { socialErrorPath } from "@/lib/social/error-reasons";
import { pendingForAddress } from "@/lib/social/pending-identity";
import { socialEmailAction } from "../actions";

export const metadata: Metadata = { title: "Your email address" };

/**
 * The provider gave no address it vouches for: one is asked for and proven
 * with a code before anything is created or linked. The answer is the same
 * whether or not the address has an account (the email differs, the page
 * does not).
 */
export default async function SocialEmailPage() {
  const pending = await pendingForAddress(await readFlowCookie());
  if (!pending) redirect(socialErrorPath("expired"));
  return (
    <div className="stack">
      <div>
        <h1>What&apos;s your email address?</h1>
        <p className="muted">
          {pending.provider} didn&apos;t give us an email address it has verified. Enter yours and we&apos;ll email you a code to confirm it. If it
          belongs to an account, {pending.provider} will be connected to that account.
        </p>
      </div>
      <AuthForm autoFocus action={socialEmailAction} fields={[{ name: "email", label: "Email", type: "email", autoComplete: "email" }]} submitLabel="Email me a code" pendingLabel="Sending…" />
      <div className="links">
        <Link href="/sign-in">Cancel and sign in another way</Link>
      </div>
    </div>
  );
}
