import { Text } from "@react-email/components";
import type { Purpose } from "@/lib/otp/purposes";
import { copyFor } from "../i18n";
import { Actions, RawLink } from "./actions";
import { CodeBlock } from "./code-block";
import { customText } from "./custom-text";
import { EmailLayout } from "./layout";
import { withPreviewDefaults, type EmailProps } from "./props";
import { muted, paragraph } from "./styles";
import { varsFor } from "./vars";

/**
 * The body every code email shares: what the code is for, the code, when it
 * expires, an optional link, and what to do if you didn't ask for it. The
 * words come from the locale's dictionary entry for `purpose`, or from the
 * operator's text (`template`), whose paragraphs are placed around the code.
 */
export function CodeEmail({ purpose, ...props }: EmailProps & { purpose: Purpose }) {
  const resolved = withPreviewDefaults(props);
  const { locale, branding, to, code, ttlMinutes, link } = resolved;
  const copy = copyFor(locale);
  const text = copy.purposes[purpose];
  const vars = varsFor(purpose, resolved);
  const custom = customText(resolved.template, vars, link);
  const [intro = "", ...after] = custom ? custom.paragraphs : [text.intro(vars), copy.common.expires(ttlMinutes)];
  return (
    <EmailLayout copy={copy} branding={branding} to={to} preview={intro} heading={custom?.heading ?? text.heading(vars)}>
      <Text style={paragraph}>{intro}</Text>
      <CodeBlock code={code} color={branding.primaryColor} />
      {after.map((line, index) => (
        <Text key={index} style={paragraph}>
          {line}
        </Text>
      ))}
      {link ? (
        <>
          <Actions actions={[{ label: custom?.buttonLabel || text.action || copy.common.links.open, href: link }]} color={branding.primaryColor} />
          <RawLink intro={copy.common.orOpen} href={link} />
        </>
      ) : null}
      {!custom && text.note ? <Text style={paragraph}>{text.note(vars)}</Text> : null}
      <Text style={muted}>{custom?.footer || copy.common.ignore}</Text>
    </EmailLayout>
  );
}
