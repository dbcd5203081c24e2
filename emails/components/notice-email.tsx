import { Text } from "@react-email/components";
import type { NoticeKind } from "../kinds";
import { copyFor, type Copy } from "../i18n";
import { Actions, RawLink, type Action } from "./actions";
import { customText } from "./custom-text";
import { EmailLayout } from "./layout";
import { withPreviewDefaults, type EmailProps } from "./props";
import { muted, paragraph } from "./styles";
import { varsFor } from "./vars";

type NoticeEmailProps = EmailProps & {
  kind: NoticeKind;
  /** Buttons into the app: a label from the dictionary and a path under appUrl. */
  actions?: (links: Copy["common"]["links"]) => { label: string; path: string }[];
  /** The label of a button to the email's own `link` (an invitation's accept URL), shown with the raw URL under it. */
  linkLabel?: (links: Copy["common"]["links"]) => string;
};

/** The body every notice shares: what happened, where to go, what if it wasn't you. */
export function NoticeEmail({ kind, actions, linkLabel, ...props }: NoticeEmailProps) {
  const resolved = withPreviewDefaults(props);
  const { locale, branding, to, appUrl, link } = resolved;
  const copy = copyFor(locale);
  const text = copy.notices[kind];
  const vars = varsFor(kind, resolved);
  const custom = customText(resolved.template, vars, link);
  const [first = "", ...rest] = custom ? custom.paragraphs : text.body.map((line) => line(vars));
  const own = link && linkLabel ? link : null;
  const buttons: Action[] = [
    ...(own && linkLabel ? [{ label: custom?.buttonLabel || linkLabel(copy.common.links), href: own }] : []),
    ...(actions?.(copy.common.links) ?? []).map(({ label, path }) => ({ label, href: `${appUrl}${path}` })),
  ];
  return (
    <EmailLayout copy={copy} branding={branding} to={to} preview={first} heading={custom?.heading ?? text.heading(vars)}>
      {[first, ...rest].map((line, index) => (
        <Text key={index} style={paragraph}>
          {line}
        </Text>
      ))}
      {buttons.length > 0 ? <Actions actions={buttons} color={branding.primaryColor} /> : null}
      {own ? <RawLink intro={copy.common.orOpen} href={own} /> : null}
      <Text style={muted}>{custom?.footer || text.after(vars)}</Text>
    </EmailLayout>
  );
}
