import type { Metadata } from "next";
import Link from "next/link";
import { consoleMetadata } from "@/components/console/console-metadata";
import { defaultTemplateText, EMAIL_KINDS, LOCALES } from "@/emails";
import { requireAdmin } from "@/lib/auth/admin";
import { getEmailKindLabel } from "@/lib/i18n/email-kinds";
import { latestVersions, versionKey } from "@/lib/email-templates/store";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("Email templates");

const LANGUAGE = { en: "English", ja: "日本語" } as const;

/** Every email in every language: whether it uses the built-in text or an operator's, and a link to edit it. */
export default async function EmailTemplatesPage() {
  await requireAdmin();
  const [latest, kindLabel] = await Promise.all([latestVersions(), getEmailKindLabel()]);
  return (
    <div className="stack console-page">
      <header>
        <h1>Email templates</h1>
        <p className="muted">The words of each email, per language. The layout, the branding and the code box stay the same; every save is kept and can be brought back.</p>
      </header>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Email</th>
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
                    <Link href={`/console/emails/${kind}/${locale}`} aria-label={`Edit “${kindLabel(kind)}” (${LANGUAGE[locale]})`}>
                      Edit
                    </Link>{" "}
                    <span className="muted">{version?.content ? `Customised by ${version.createdByEmail}` : "Built-in text"}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
