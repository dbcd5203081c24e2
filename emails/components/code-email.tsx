import { Text } from "@react-email/components";
import type { Purpose } from "@/lib/otp/purposes";
import { copyFor } from "../i18n";
import { Actions, RawLink } from "./actions";
import { CodeBlock } from "./code-block";
import { EmailLayout } from "./layout";
import { withPreviewDefaults, type EmailProps } from "./props";
import { muted, paragraph } from "./styles";
import { varsFor } from "./vars";

/**
 * The body every code email shares: what the code is for, the code, when it
 * expires, an optional link, and what to do if you didn't ask for it. The
 * words come from the locale's dictionary entry for `purpose`.
 */
export function CodeEmail({ purpose, ...props }: EmailProps & { purpose: Purpose }) {
  const resolved = withPreviewDefaults(props);
  const { locale, branding, to, code, ttlMinutes, link } = resolved;
  const copy = copyFor(locale);
  const text = copy.purposes[purpose];
  const vars = varsFor(purpose, resolved);
  const intro = text.intro(vars);
  return (
    <EmailLayout copy={copy} branding={branding} to={to} preview={intro} heading={text.heading(vars)}>
      <Text style={paragraph}>{intro}</Text>
      <CodeBlock code={code} color={branding.primaryColor} />
      <Text style={paragraph}>{copy.common.expires(ttlMinutes)}</Text>
      {link ? (
        <>
          <Actions actions={[{ label: text.action ?? copy.common.links.open, href: link }]} color={branding.primaryColor} />
          <RawLink intro={copy.common.orOpen} href={link} />
        </>
      ) : null}
      {text.note ? <Text style={paragraph}>{text.note(vars)}</Text> : null}
      <Text style={muted}>{copy.common.ignore}</Text>
    </EmailLayout>
  );
}
