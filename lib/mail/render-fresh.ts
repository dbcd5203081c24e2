import { createElement } from "react";
import { render, toPlainText } from "@react-email/components";
import { ACTION_CLASS, TEMPLATES, copyFor, fillTemplate, isNoticeKind, variableValues, varsFor, type EmailKind, type ResolvedEmailProps } from "@/emails";
import { oneLine, type RenderedEmail } from "./render-input";

function subjectFor(kind: EmailKind, props: ResolvedEmailProps): string {
  const copy = copyFor(props.locale);
  const vars = varsFor(kind, props);
  if (props.template) return oneLine(fillTemplate(props.template.subject, variableValues(vars, props.link)));
  return oneLine(isNoticeKind(kind) ? copy.notices[kind].subject(vars) : copy.purposes[kind].subject(vars));
}

// Minimal shapes of html-to-text's formatter API (the package ships no types).
type TextBuilder = {
  openBlock(options: { leadingLineBreaks: number }): void;
  closeBlock(options: { trailingLineBreaks: number }): void;
  addInline(text: string, options?: { noWordTransform?: boolean }): void;
};
type TextElement = { attribs?: Record<string, string>; children: unknown[] };
type Walk = (nodes: unknown[], builder: TextBuilder) => void;

/** Buttons become "Label: https://…" on their own line in the text part. */
function formatAction(element: TextElement, walk: Walk, builder: TextBuilder): void {
  builder.openBlock({ leadingLineBreaks: 1 });
  walk(element.children, builder);
  builder.addInline(`: ${element.attribs?.href ?? ""}`, { noWordTransform: true });
  builder.closeBlock({ trailingLineBreaks: 1 });
}

const TEXT_OPTIONS = {
  selectors: [
    { selector: "h1", options: { uppercase: false } },
    { selector: `a.${ACTION_CLASS}`, format: "mailgateAction" },
  ],
  formatters: { mailgateAction: formatAction },
};

/**
 * Renders one email through React from resolved props: the reference the
 * cache (render-cache.ts) is built from and checked against.
 */
export async function renderFresh(kind: EmailKind, props: ResolvedEmailProps): Promise<RenderedEmail> {
  const html = await render(createElement(TEMPLATES[kind], props));
  const text = toPlainText(html, TEXT_OPTIONS)
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { subject: subjectFor(kind, props), html, text };
}
