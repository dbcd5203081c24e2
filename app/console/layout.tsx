import type { Metadata } from "next";
import Link from "next/link";
import { ConsoleNav } from "@/components/console/console-nav";
import { requireAdmin } from "@/lib/auth/admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: { default: "Console", template: "%s · Console · Mailgate" },
  robots: { index: false, follow: false },
};

/**
 * The admin console's shell. Everyone who is not an admin gets a 404 here
 * (requireAdmin), and every page and action below checks again on its own:
 * a layout does not guard server actions, which can be called directly.
 */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const admin = await requireAdmin();
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
