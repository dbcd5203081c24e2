import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientIntl } from "@/components/client-intl";
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
 *
 * The console's client components read their words with useTranslations:
 * only the console's namespaces go to the browser.
 */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const admin = await getCurrentAdmin();
  if (!admin) return children;
  const t = await getTranslations("console");
  return (
    <ClientIntl namespaces={(namespace) => namespace.startsWith("console")}>
      <div className="console">
        <header className="console-header">
          <div className="console-header-inner">
            <Link href="/console/connectors" className="console-brand">
              {t("brand")}
            </Link>
            <ConsoleNav label={t("navLabel")} labels={t.raw("nav") as Record<string, string>} />
            <div className="console-account">
              <span className="muted">{t.rich("signedInAs", { email: admin.email, strong: (chunks) => <strong>{chunks}</strong> })}</span>
              <Link href="/">{t("backToApp")}</Link>
            </div>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="console-main">{children}</main>
      </div>
    </ClientIntl>
  );
}
