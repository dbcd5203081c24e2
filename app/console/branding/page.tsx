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
import { ConsolePage } from "@/components/console/console-page";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("branding");

export default async function BrandingPage() {
  await requireAdmin();
  const [{ branding }, t] = await Promise.all([getSettings(), getTranslations("consoleBranding")]);
  return (
    <ConsolePage title={t("title")} lead={t("lead")}>
      <BrandingForm
        action={brandingFormAction}
        saved={brandingFormValues(branding)}
        savedPreview={await brandingPreview(branding)}
        hasUploadedLogo={branding.logoAsset !== null}
        hasFavicon={branding.faviconAsset !== null}
        accept={UPLOAD_ACCEPT}
      />
    </ConsolePage>
  );
}
