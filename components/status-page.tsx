import type { Metadata } from "next";

/**
 * The page shown when there is no page to show: not found, a fault on our
 * side, the database out of reach. Static on purpose (no settings, no
 * session): it must render when the database cannot, and look the same
 * wherever it appears, so a 404 under /console tells nothing about the console.
 */
export function StatusPage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="auth-shell">
      <div className="card auth-card stack">
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

/** The not-found page's metadata (app/not-found.tsx), also what a console page gives a non-admin. */
export const notFoundMetadata: Metadata = { title: "Page not found" };
