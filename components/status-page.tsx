"use client";

import { useBrand } from "./brand-context";
import { BrandMark } from "./brand-mark";

/**
 * The page shown when there is no page to show: not found, a fault on our
 * side, the database out of reach. It reads nothing itself: the brand comes
 * from the root layout (components/brand-context.tsx, the defaults when the
 * settings cannot be read), so it renders when the database cannot, and
 * looks the same wherever it appears: a 404 under /console tells nothing
 * about the console.
 */
export function StatusPage({ title, children }: { title: string; children: React.ReactNode }) {
  const brand = useBrand();
  return (
    <main id="main" tabIndex={-1} className="auth-shell branded" style={brand.style}>
      <div className="card auth-card stack">
        <BrandMark brand={brand} />
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
