import type { ReactNode } from "react";
import { Body, Container, Head, Heading, Html, Img, Link, Section, Text } from "@react-email/components";
import type { Branding } from "@/lib/settings/schema";
import type { Copy } from "../i18n";
import { InboxPreview } from "./inbox-preview";
import { card, darkModeCss, footer, footerBox, footerInk, heading as headingStyle, inkFor } from "./styles";

type LayoutProps = {
  copy: Copy;
  branding: Branding;
  to: string;
  /** Inbox preview line (hidden in the body). */
  preview: string;
  heading: string;
  children: ReactNode;
};

/**
 * The one frame every email shares: brand header, card, footer; a light
 * palette inline, a dark one for clients that follow the reader's dark mode
 * (styles.ts darkModeCss), and the heading as the document's <title> (shown
 * by clients that open the email in a browser tab or window).
 */
export function EmailLayout({ copy, branding, to, preview, heading, children }: LayoutProps) {
  return (
    <Html lang={copy.lang} dir="ltr">
      <Head>
        <title>{heading}</title>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <style>{darkModeCss(branding.darkPrimaryColor)}</style>
      </Head>
      <InboxPreview>{preview}</InboxPreview>
      <Body className="mg-body" style={{ backgroundColor: branding.backgroundColor, fontFamily: copy.fontFamily, margin: 0, padding: "32px 12px" }}>
        <Container className="mg-card" style={card}>
          <Section style={{ paddingBottom: "8px" }}>
            <BrandMark branding={branding} />
          </Section>
          <Heading as="h1" style={headingStyle}>
            {heading}
          </Heading>
          {children}
        </Container>
        <Container className="mg-footer" style={footerBox}>
          <Footer copy={copy} branding={branding} to={to} />
        </Container>
      </Body>
    </Html>
  );
}

function BrandMark({ branding }: { branding: Branding }) {
  if (branding.logoUrl) {
    return <Img src={branding.logoUrl} alt={branding.productName} height="40" style={{ height: "40px", width: "auto", border: 0 }} />;
  }
  return (
    <Text className="mg-brand" style={{ color: inkFor(branding.primaryColor), fontSize: "20px", lineHeight: "28px", fontWeight: 700, margin: 0 }}>
      {branding.productName}
    </Text>
  );
}

function Footer({ copy, branding, to }: { copy: Copy; branding: Branding; to: string }) {
  const [before, after] = copy.common.questions;
  const addressLines = branding.companyAddress.split(/\r?\n/).filter((line) => line.trim() !== "");
  const style = { ...footer, color: footerInk(branding.backgroundColor) };
  const link = { color: "inherit", textDecoration: "underline" };
  const legal = [
    branding.termsUrl ? { href: branding.termsUrl, label: copy.common.legal.terms } : null,
    branding.privacyUrl ? { href: branding.privacyUrl, label: copy.common.legal.privacy } : null,
  ].filter((item) => item !== null);
  return (
    <>
      {branding.supportEmail ? (
        <Text style={style}>
          {before}
          <Link href={`mailto:${branding.supportEmail}`} style={link}>
            {branding.supportEmail}
          </Link>
          {after}
        </Text>
      ) : null}
      <Text style={style}>{copy.common.sentBy(branding.senderName, to)}</Text>
      {addressLines.length > 0 ? (
        <Text style={style}>
          {addressLines.map((line, index) => (
            <span key={index}>
              {index > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </Text>
      ) : null}
      {legal.length > 0 ? (
        <Text style={style}>
          {legal.map((item, index) => (
            <span key={item.href + item.label}>
              {index > 0 ? " · " : null}
              <Link href={item.href} style={link}>
                {item.label}
              </Link>
            </span>
          ))}
        </Text>
      ) : null}
    </>
  );
}
