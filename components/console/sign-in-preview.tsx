import { useTranslations } from "next-intl";
import type { CSSProperties } from "react";
import { bestTextOn } from "@/lib/branding/contrast";

export type SignInPreviewBranding = {
  productName: string;
  /** A URL our page may show: /brand-assets/…, https, or a data: URL of a file not yet uploaded. */
  logoSrc: string | null;
  primaryColor: string;
  darkPrimaryColor: string;
  backgroundColor: string;
};

/** The dark palette the preview (and the pages' dark mode, when it comes) put the dark primary colour on. */
const DARK = { background: "#0b1120", card: "#1f2937", ink: "#f3f4f6", muted: "#cbd5e1", line: "#374151" };
const LIGHT = { card: "#ffffff", ink: "#111827", muted: "#5b6472", line: "#e3e6ee" };

/**
 * A small, inert copy of the sign-in card (nothing in it can be focused or
 * posted), in light and dark, for the branding console. Pure, so the server
 * renders it with the saved branding and the form re-renders it as the
 * fields change.
 */
export function SignInPreview({ branding }: { branding: SignInPreviewBranding }) {
  return (
    <div className="brand-preview-pair">
      <PreviewCard branding={branding} mode="light" />
      <PreviewCard branding={branding} mode="dark" />
    </div>
  );
}

function PreviewCard({ branding, mode }: { branding: SignInPreviewBranding; mode: "light" | "dark" }) {
  const t = useTranslations("consoleBranding.preview");
  const dark = mode === "dark";
  const primary = dark ? branding.darkPrimaryColor : branding.primaryColor;
  const palette = dark ? DARK : LIGHT;
  const background = dark ? DARK.background : branding.backgroundColor;
  const shell: CSSProperties = { background, color: bestTextOn(background).color };
  const card: CSSProperties = { background: palette.card, color: palette.ink, borderColor: palette.line };
  return (
    <figure className="brand-preview" aria-label={t(`label.${mode}`)} style={shell}>
      <div className="brand-preview-card" style={card} inert>
        <div className="brand-preview-brand">
          {/* eslint-disable-next-line @next/next/no-img-element -- our own asset, an https URL or a local file's data URL */}
          {branding.logoSrc ? <img src={branding.logoSrc} alt="" /> : null}
          <span>{branding.productName}</span>
        </div>
        <p className="brand-preview-title">{t("title")}</p>
        <span className="brand-preview-input" style={{ borderColor: palette.line, color: palette.muted }}>
          {t("input")}
        </span>
        <span className="brand-preview-button" style={{ background: primary, color: bestTextOn(primary).color }}>
          {t("continue")}
        </span>
        <span className="brand-preview-link" style={{ color: primary }}>
          {t("emailCode")}
        </span>
      </div>
      <figcaption>{t(`caption.${mode}`)}</figcaption>
    </figure>
  );
}
