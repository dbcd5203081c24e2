import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { consoleMetadata } from "@/components/console/console-metadata";
import { defaultTemplateText, EMAIL_KINDS, LOCALES } from "@/emails";
import { requireAdmin } from "@/lib/auth/admin";
import { getEmailKindLabel } from "@/lib/i18n/email-kinds";
import { latestVersions, versionKey } from "@/lib/email-templates/store";
import { ConsolePage } from "@/components/console/console-page";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("emails");

const LANGUAGE = { en: "English", ja: "日本語" } as const;

/** Every email in every language: whether it uses the built-in text or an operator's, and a link to edit it. */
export default async function EmailTemplatesPage() {
  await requireAdmin();
  const [latest, t, kindLabel] = await Promise.all([latestVersions(), getTranslations("consoleEmails"), getEmailKindLabel()]);
  return (
    <ConsolePage title={t("title")} lead={t("lead")}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("email")}</th>
            {LOCALES.map((locale) => (
              <th scope="col" key={locale}>{LANGUAGE[locale]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {EMAIL_KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row">
                {kindLabel(kind)}
                <br />
                <span className="muted">{defaultTemplateText(kind, "en").heading.replace(/\{\{(\w+)\}\}/g, "…")}</span>
              </th>
              {LOCALES.map((locale) => {
                const version = latest.get(versionKey(kind, locale));
                return (
                  <td key={locale}>
                    <Link href={`/console/emails/${kind}/${locale}`} aria-label={t("editLabel", { kind: kindLabel(kind), language: LANGUAGE[locale] })}>
                      {t("edit")}
                    </Link>{" "}
                    <span className="muted">{version?.content ? t("customisedBy", { email: version.createdByEmail }) : t("builtIn")}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ConsolePage>
  );
}
