"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { boundAction, field } from "@/lib/action";
import { admin as guard } from "@/lib/action-guards";
import { EMAIL_KINDS, LOCALES, type EmailKind, type Locale } from "@/emails";
import { revertTemplate, saveTemplateVersion } from "@/lib/email-templates/store";
import { validateTemplate } from "@/lib/email-templates/validate";
import { sampleRenderInput } from "@/lib/mail/render";
import { sendEmail, type SendEmailInput } from "@/lib/mail/send-email";
import { errorState } from "@/lib/result";
import type { DoneKey } from "./done";
import type { TemplateFormState } from "./form-state";
import { templatePreview } from "./preview";

const which = z.tuple([z.enum(EMAIL_KINDS as [EmailKind, ...EmailKind[]]), z.enum(LOCALES as [Locale, ...Locale[]])]);
const templateSchema = z.object({ intent: field(10), subject: field(1000), heading: field(1000), body: field(8000), buttonLabel: field(1000), footer: field(2000) });

/** What sendEmail fills in itself: the rest of a sample input is the message's own values. */
const SENDER_FILLS: ReadonlySet<string> = new Set(["kind", "locale", "branding", "to", "appUrl", "template"]);

/** The preview's sample values (every variable any email may use, the "when and where" of a security notice too), for a test send. */
function sampleVars(kind: EmailKind, locale: Locale): SendEmailInput["vars"] {
  return Object.fromEntries(Object.entries(sampleRenderInput(kind, locale)).filter(([key]) => !SENDER_FILLS.has(key)));
}

/**
 * After a change of the version in use, the page is loaded afresh (its form
 * starts from the text now in use) and says what happened (done.ts).
 */
function done(kind: EmailKind, locale: Locale, what: DoneKey): never {
  const path = `/console/emails/${kind}/${locale}`;
  revalidatePath(path);
  redirect(`${path}?done=${what}`);
}

/**
 * The template form, by its button (`intent`): "preview" renders the posted
 * text with sample values, "save" keeps it as a new version in use from now
 * on, "test" sends it (saved or not) to the admin through the active email
 * connector. All three check the text first (validate.ts).
 */
export const templateFormAction = boundAction({ guard, bound: which, input: templateSchema }, async ({ bound: [kind, locale], input, user }): Promise<TemplateFormState> => {
  const { intent, ...form } = input;
  const checked = validateTemplate(kind, form);
  if (!checked.ok) return { status: "error", formError: "Check the highlighted fields: nothing was saved or sent.", fieldErrors: checked.fieldErrors, values: form };
  const preview = await templatePreview(kind, locale, checked.text);
  if (intent === "save") {
    await saveTemplateVersion(kind, locale, checked.text, user);
    done(kind, locale, "saved");
  }
  if (intent === "test") {
    const sent = await sendEmail({ kind, locale, to: user.email, vars: sampleVars(kind, locale), template: checked.text });
    if (!sent.ok && !sent.retrying) return { status: "error", formError: `The test could not be sent: ${sent.errorMessage}`, values: form, preview };
    return { status: "ok", message: `Test sent to ${user.email} with sample values${sent.ok ? "" : " (the provider has not answered yet)"}.`, values: form, preview };
  }
  return { status: "ok", values: form, preview };
});

/** Puts the built-in text back in use, as a new version (the earlier ones stay, to bring back). */
export const resetTemplateAction = boundAction({ guard, bound: which }, async ({ bound: [kind, locale], user }): Promise<TemplateFormState> => {
  await saveTemplateVersion(kind, locale, null, user);
  done(kind, locale, "reset");
});

/** Brings an earlier version back into use. */
export const revertTemplateAction = boundAction(
  { guard, bound: z.tuple([...which.def.items, z.uuid()]) },
  async ({ bound: [kind, locale, versionId], user }): Promise<TemplateFormState> => {
    const reverted = await revertTemplate(kind, locale, versionId, user);
    if (!reverted.ok) return errorState(reverted);
    done(kind, locale, "reverted");
  },
);
