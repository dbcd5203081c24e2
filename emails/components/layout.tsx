import type { ReactNode } from "react";
import { Body, Container, Head, Heading, Html, Img, Link, Section, Text } from "@react-email/components";
import type { Branding } from "@/lib/settings/schema";
import type { Copy } from "../i18n";
import { InboxPreview } from "./inbox-preview";
import { card, footer, footerBox, heading as headingStyle, inkFor } from "./styles";

type LayoutProps = {
  copy: Copy;
  branding: Branding;
  to: string;
  /** Inbox preview line (hidden in the body). */
  preview: string;
  heading: string;
  children: ReactNode;
};

/** The one frame every email shares: brand header, white card, footer. */
export function EmailLayout({ copy, branding, to, preview, heading, children }: LayoutProps) {
  return (
    <Html lang={copy.lang} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <InboxPreview>{preview}</InboxPreview>
      <Body style={{ backgroundColor: branding.backgroundColor, fontFamily: copy.fontFamily, margin: 0, padding: "32px 12px" }}>
        <Container style={card}>
          <Section style={{ paddingBottom: "8px" }}>
            <BrandMark branding={branding} />
          </Section>
          <Heading as="h1" style={headingStyle}>
            {heading}
          </Heading>
          {children}
        </Container>
        <Container style={footerBox}>
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
    <Text style={{ color: inkFor(branding.primaryColor), fontSize: "20px", lineHeight: "28px", fontWeight: 700, margin: 0 }}>
      {branding.productName}
    </Text>
  );
}

function Footer({ copy, branding, to }: { copy: Copy; branding: Branding; to: string }) {
  const [before, after] = copy.common.questions;
  const addressLines = branding.companyAddress.split(/\r?\n/).filter((line) => line.trim() !== "");
  return (
    <>
      {branding.supportEmail ? (
        <Text style={footer}>
          {before}
          <Link href={`mailto:${branding.supportEmail}`} style={{ color: inkFor(branding.primaryColor) }}>
            {branding.supportEmail}
          </Link>
          {after}
        </Text>
      ) : null}
      <Text style={footer}>{copy.common.sentBy(branding.senderName, to)}</Text>
      {addressLines.length > 0 ? (
        <Text style={footer}>
          {addressLines.map((line, index) => (
            <span key={index}>
              {index > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </Text>
      ) : null}
    </>
  );
}
