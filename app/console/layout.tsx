import Link from "next/link";
import { ConsoleNav } from "@/components/console/console-nav";
import { getCurrentAdmin } from "@/lib/auth/current-admin";

export const dynamic = "force-dynamic";

/**
 * The admin console's shell, for admins only. Anyone else never gets here:
 * proxy.ts answers them with the app's plain 404, rendered on the server
 * (a notFound() thrown here or in a page would render it in the browser
 * only, blank without JavaScript: vercel/next.js#62228). Every page and
 * action still checks on its own (requireAdmin). No metadata here
 * (components/console/console-metadata.ts): a non-admin's 404 must look like
 * any other. e2e/console-not-found.spec.ts checks every console route.
 */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const admin = await getCurrentAdmin();
  if (!admin) return children;
  return (
    <div className="console">
      <header className="console-header">
        <div className="console-header-inner">
          <Link href="/console/connectors" className="console-brand">
            Mailgate console
          </Link>
          <ConsoleNav />
          <div className="console-account">
            <span className="muted">
              Signed in as <strong>{admin.email}</strong>
            </span>
            <Link href="/">Back to the app</Link>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="console-main">{children}</main>
    </div>
  );
}
