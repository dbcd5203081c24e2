import Link from "next/link";
import { ConsoleNav } from "@/components/console/console-nav";
import { getCurrentAdmin } from "@/lib/auth/current-admin";

export const dynamic = "force-dynamic";

/**
 * The admin console's shell, for admins only. Every console page answers
 * anyone else with a 404 itself (requireAdmin), and so does every action (a
 * layout guards neither). The layout does not throw that 404: Next.js then
 * renders the not-found page in the browser only, however it is thrown
 * (vercel/next.js#62228), but a layout's 404 also keeps the layout's
 * metadata. No metadata here either (components/console/console-metadata.ts):
 * a non-admin's 404 must look like any other. e2e/console-not-found.spec.ts
 * checks every console route.
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
      <main className="console-main">{children}</main>
    </div>
  );
}
