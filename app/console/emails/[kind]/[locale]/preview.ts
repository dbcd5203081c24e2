import "server-only";
import type { EmailKind, Locale, TemplateText } from "@/emails";
import { env } from "@/lib/env";
import { renderEmailFresh, sampleRenderInput } from "@/lib/mail/render";
import { getSettings } from "@/lib/settings/get-settings";
import type { TemplatePreview } from "./form-state";

/** The email with sample values, the saved branding and `template` (null: the built-in text); fresh, so drafts stay out of the render cache. */
export async function templatePreview(kind: EmailKind, locale: Locale, template: TemplateText | null): Promise<TemplatePreview> {
  const { branding } = await getSettings();
  const { subject, html, text } = await renderEmailFresh({ ...sampleRenderInput(kind, locale), branding, appUrl: env.APP_URL, template });
  return { subject, html, text };
}
