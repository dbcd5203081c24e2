import { getTranslations } from "next-intl/server";
import { BrandMark } from "@/components/brand-mark";
import { LanguageSwitcher } from "@/components/language-switcher";
import { logoSrc } from "@/lib/branding/asset-url";
import { brandStyle } from "@/lib/branding/css-vars";
import { getSettings } from "@/lib/settings/get-settings";

export const dynamic = "force-dynamic";

// The tab title and favicon come from the root layout (lib/branding/site-brand.ts).

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const [{ branding }, t] = await Promise.all([getSettings(), getTranslations("layout")]);
  return (
    <main id="main" tabIndex={-1} className="auth-shell branded" style={{ ...brandStyle(branding), background: "var(--bg)" }}>
      <div className="auth-column">
        <div className="card auth-card">
          <BrandMark brand={{ productName: branding.productName, logo: logoSrc(branding) }} />
          {children}
        </div>
        {branding.termsUrl || branding.privacyUrl ? (
          <nav className="auth-legal" aria-label={t("legal")}>
            {branding.termsUrl ? <a href={branding.termsUrl}>{t("terms")}</a> : null}
            {branding.privacyUrl ? <a href={branding.privacyUrl}>{t("privacy")}</a> : null}
          </nav>
        ) : null}
        <LanguageSwitcher />
      </div>
    </main>
  );
}
