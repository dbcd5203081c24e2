import Link from "next/link";
import { redirect } from "next/navigation";
import { FormAlert } from "@/components/field";
import { needsMfaSetup } from "@/lib/account/mfa";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getSettings } from "@/lib/settings/get-settings";
import { signOutAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const [user, { branding }, { deleted }] = await Promise.all([getCurrentUser(), getSettings(), searchParams]);
  // Every sign-in lands here: when the admin requires two-step verification, set it up first.
  if (user && (await needsMfaSetup(user.id))) redirect("/account/security?required=1");
  return (
    <main id="main" tabIndex={-1} className="auth-shell">
      <div className="card auth-card stack">
        <h1>{branding.productName}</h1>
        {user ? (
          <>
            <p>
              Signed in as <strong>{user.email}</strong>
            </p>
            <div className="links">
              <Link href="/account">Account</Link>
            </div>
            <form action={signOutAction}>
              <button className="button button-secondary" type="submit">Sign out</button>
            </form>
          </>
        ) : (
          <>
            {deleted ? <FormAlert message="Your account was deleted, and you were signed out everywhere." /> : null}
            <p className="muted">Sign in or create an account to continue.</p>
            <div className="links">
              <Link href="/sign-in">Sign in</Link>
              <Link href="/sign-up">Create account</Link>
            </div>
          </>
        )}
      </div>
    </main>
  );
}
