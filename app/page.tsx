import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getSettings } from "@/lib/settings/get-settings";
import { signOutAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [user, { branding }] = await Promise.all([getCurrentUser(), getSettings()]);
  return (
    <main className="auth-shell">
      <div className="card auth-card stack">
        <h1>{branding.productName}</h1>
        {user ? (
          <>
            <p>
              Signed in as <strong>{user.email}</strong>
            </p>
            <form action={signOutAction}>
              <button className="button button-secondary" type="submit">Sign out</button>
            </form>
          </>
        ) : (
          <>
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
