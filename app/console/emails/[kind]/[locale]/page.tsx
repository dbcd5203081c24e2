import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { consoleMetadata } from "@/components/console/console-metadata";
import { defaultTemplateText, variablesFor, type TemplateText } from "@/emails";
import { requireAdmin } from "@/lib/auth/admin";
import { getEmailKindLabel } from "@/lib/i18n/email-kinds";
import { isEmailKind, isLocale, templateVersions } from "@/lib/email-templates/store";
import { FormAlert } from "@/components/field";
import { doneMessage } from "./done";
import { resetTemplateAction, revertTemplateAction, templateFormAction } from "./actions";
import { templatePreview } from "./preview";
import { TemplateForm, VersionButton } from "./template-form";

type Params = { kind: string; locale: string };

export const generateMetadata = async ({ params }: { params: Promise<Params> }): Promise<Metadata> => consoleMetadata(`Email: ${(await getEmailKindLabel())((await params).kind)}`);

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
  return (
    <div className="stack console-page">
      <header>
        <p><Link href="/console/emails">← Email templates</Link></p>
        <h1>
          {kindLabel(kind)} ({locale})
        </h1>
        <p className="muted">
          {current ? `In use: the version saved by ${versions[0]!.createdByEmail} at ${when(versions[0]!.createdAt)}.` : "In use: the built-in text."} Variables:{" "}
          {allowed.map((name) => `{{${name}}}`).join(", ")}
          {required.length > 0 ? `; required: ${required.map((name) => `{{${name}}}`).join(", ")}` : ""}.
        </p>
      </header>
      <FormAlert message={doneMessage(done)} />
      <TemplateForm key={versions[0]?.id ?? "default"} action={templateFormAction.bind(null, kind, locale)} saved={formValues(text)} savedPreview={await templatePreview(kind, locale, current)} />
      <section className="stack" aria-labelledby="versions">
        <h2 id="versions">Versions</h2>
        {current ? <VersionButton action={resetTemplateAction.bind(null, kind, locale)} label="Reset to the built-in text" /> : null}
        {versions.length === 0 ? (
          <p className="muted">No saved versions yet.</p>
        ) : (
          <table className="table">
            <thead>
              <tr><th scope="col">Saved</th><th scope="col">By</th><th scope="col">Subject</th><th scope="col">Use</th></tr>
            </thead>
            <tbody>
              {versions.map((version, index) => (
                <tr key={version.id}>
                  <td>{when(version.createdAt)}</td>
                  <td>{version.createdByEmail}</td>
                  <td>{version.content ? version.content.subject : <span className="muted">Built-in text</span>}</td>
                  <td>
                    {index === 0 ? (
                      <span className="muted">In use</span>
                    ) : (
                      <VersionButton action={revertTemplateAction.bind(null, kind, locale, version.id)} label={`Revert to this version`} name={`Revert to the version of ${when(version.createdAt)}`} />
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
