import type { ActionState } from "@/lib/result";

/** What the preview shows: the subject, the HTML and the text part. */
export type TemplatePreview = { subject: string; html: string; text: string };

/** The shared ActionState plus the preview of what was posted. */
export type TemplateFormState = ActionState & { values?: Record<string, string>; preview?: TemplatePreview };
