import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/language-switcher";
import { assetPath, logoSrc } from "@/lib/branding/asset-url";
import { brandStyle } from "@/lib/branding/css-vars";
import { getSettings } from "@/lib/settings/get-settings";

export const dynamic = "force-dynamic";

/** The product's name in every tab title, and its favicon when one was uploaded (app/console/branding). */
export async function generateMetadata(): Promise<Metadata> {
  const { branding } = await getSettings();
  return {
    title: { default: branding.productName, template: `%s · ${branding.productName}` },
    ...(branding.faviconAsset ? { icons: { icon: [{ url: assetPath(branding.faviconAsset), type: "image/png" }] } } : {}),
  };
}

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const [{ branding }, t] = await Promise.all([getSettings(), getTranslations("layout")]);
  const logo = logoSrc(branding);
  return (
    <main id="main" tabIndex={-1} className="auth-shell branded" style={{ ...brandStyle(branding), background: "var(--bg)" }}>
      <div className="auth-column">
        <div className="card auth-card">
          <div className="brand">
            {/* eslint-disable-next-line @next/next/no-img-element -- our own uploaded asset or an operator's https URL */}
            {logo ? <img src={logo} alt="" /> : null}
            <span>{branding.productName}</span>
          </div>
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
