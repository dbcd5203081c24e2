import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFoundMetadata } from "@/components/not-found-metadata";
import { StatusPage } from "@/components/status-page";

export const generateMetadata = notFoundMetadata;

/** Every 404 of the app, the console's for non-admins included: nothing on it depends on the address. */
export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <StatusPage title={t("title")}>
      <p className="muted">{t("body")}</p>
      <div className="links">
        <Link href="/">{t("home")}</Link>
      </div>
    </StatusPage>
  );
}
