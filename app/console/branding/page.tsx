import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { consoleMetadata } from "@/components/console/console-metadata";
import { requireAdmin } from "@/lib/auth/admin";
import { brandingFormValues } from "@/lib/branding/branding-form";
import { UPLOAD_ACCEPT } from "@/lib/branding/image";
import { getSettings } from "@/lib/settings/get-settings";
import { brandingFormAction } from "./actions";
import { BrandingForm } from "./branding-form";
import { brandingPreview } from "./preview";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("branding");

export default async function BrandingPage() {
  await requireAdmin();
  const [{ branding }, t] = await Promise.all([getSettings(), getTranslations("consoleBranding")]);
  return (
    <div className="stack console-page">
      <header>
        <h1>{t("title")}</h1>
        <p className="muted">{t("lead")}</p>
      </header>
      <BrandingForm
        action={brandingFormAction}
        saved={brandingFormValues(branding)}
        savedPreview={await brandingPreview(branding)}
        hasUploadedLogo={branding.logoAsset !== null}
        hasFavicon={branding.faviconAsset !== null}
        accept={UPLOAD_ACCEPT}
      />
    </div>
  );
}
