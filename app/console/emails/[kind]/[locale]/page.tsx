import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { consoleMetadata } from "@/components/console/console-metadata";
import { defaultTemplateText, variablesFor, type TemplateText } from "@/emails";
import { requireAdmin } from "@/lib/auth/admin";
import { getEmailKindLabel } from "@/lib/i18n/email-kinds";
import { isEmailKind, isLocale, templateVersions } from "@/lib/email-templates/store";
import { FormAlert } from "@/components/field";
import { doneKey } from "./done";
import { resetTemplateAction, revertTemplateAction, templateFormAction } from "./actions";
import { templatePreview } from "./preview";
import { TemplateForm, VersionButton } from "./template-form";

type Params = { kind: string; locale: string };

export const generateMetadata = async ({ params }: { params: Promise<Params> }): Promise<Metadata> => consoleMetadata("email", { kind: (await getEmailKindLabel())((await params).kind) });

const formValues = (text: TemplateText) => ({
  subject: text.subject,
  heading: text.heading,
  body: text.paragraphs.join("\n\n"),
  buttonLabel: text.buttonLabel,
  footer: text.footer,
});

const when = (date: Date) => date.toISOString().replace("T", " ").slice(0, 16) + " UTC";

/** One email in one language: its text, a preview with sample values, a test send, and its versions. */
export default async function EmailTemplatePage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<{ done?: string }> }) {
  await requireAdmin();
  const [{ kind, locale }, { done }] = await Promise.all([params, searchParams]);
  if (!isEmailKind(kind) || !isLocale(locale)) notFound();
  const [versions, kindLabel] = await Promise.all([templateVersions(kind, locale), getEmailKindLabel()]);
  const current = versions[0]?.content ?? null;
  const text = current ?? defaultTemplateText(kind, locale);
  const { allowed, required } = variablesFor(kind);
  const t = await getTranslations("consoleEmails");
  const change = doneKey(done);
  const braces = (names: readonly string[]) => names.map((name) => `{{${name}}}`).join(", ");
  return (
    <div className="stack console-page">
      <header>
        <p><Link href="/console/emails">{t("back")}</Link></p>
        <h1>{t("editorHeading", { kind: kindLabel(kind), language: t(`languageName.${locale}`) })}</h1>
        <p className="muted">
          {current ? t("inUseSaved", { email: versions[0]!.createdByEmail, when: when(versions[0]!.createdAt) }) : t("inUseBuiltIn")}{" "}
          {required.length > 0 ? t("variablesRequired", { allowed: braces(allowed), required: braces(required) }) : t("variables", { allowed: braces(allowed) })}
        </p>
      </header>
      <FormAlert message={change && t(`done.${change}`)} />
      <TemplateForm key={versions[0]?.id ?? "default"} action={templateFormAction.bind(null, kind, locale)} saved={formValues(text)} savedPreview={await templatePreview(kind, locale, current)} />
      <section className="stack" aria-labelledby="versions">
        <h2 id="versions">{t("versions")}</h2>
        {current ? <VersionButton action={resetTemplateAction.bind(null, kind, locale)} label={t("reset")} /> : null}
        {versions.length === 0 ? (
          <p className="muted">{t("noVersions")}</p>
        ) : (
          <table className="table">
            <thead>
              <tr><th scope="col">{t("columns.saved")}</th><th scope="col">{t("columns.by")}</th><th scope="col">{t("columns.subject")}</th><th scope="col">{t("columns.use")}</th></tr>
            </thead>
            <tbody>
              {versions.map((version, index) => (
                <tr key={version.id}>
                  <td>{when(version.createdAt)}</td>
                  <td>{version.createdByEmail}</td>
                  <td>{version.content ? version.content.subject : <span className="muted">{t("builtIn")}</span>}</td>
                  <td>
                    {index === 0 ? (
                      <span className="muted">{t("inUse")}</span>
                    ) : (
                      <VersionButton action={revertTemplateAction.bind(null, kind, locale, version.id)} label={t("revert")} name={t("revertName", { when: when(version.createdAt) })} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
