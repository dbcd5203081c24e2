import type { Vars } from "../i18n";
import { fillTemplate, variableValues, type TemplateText } from "../template-text";

/** An operator's text with this message's values filled in (plain strings: React escapes them where they are shown). */
export function customText(template: TemplateText | null, vars: Vars, link: string | null): TemplateText | null {
  if (!template) return null;
  const values = variableValues(vars, link);
  const fill = (text: string) => fillTemplate(text, values);
  return {
    subject: fill(template.subject),
    heading: fill(template.heading),
    paragraphs: template.paragraphs.map(fill),
    buttonLabel: fill(template.buttonLabel),
    footer: fill(template.footer),
  };
}
