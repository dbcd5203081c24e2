/**
 * Small inline marks for the email and social providers: a coloured tile with a glyph
 * or monogram. Drawn here rather than loaded, so the console fetches nothing
 * from other hosts and a new connector still gets a tile (its initials).
 * Decorative: the provider's name is always written next to it.
 */

type Mark = { background: string; ink: string; monogram?: string; glyph?: "envelope" | "code" | "hook" };

const MARKS: Record<string, Mark> = {
  dev: { background: "#e5e7eb", ink: "#374151", glyph: "code" },
  smtp: { background: "#4f46e5", ink: "#ffffff", glyph: "envelope" },
  http: { background: "#0f766e", ink: "#ffffff", glyph: "hook" },
  sendgrid: { background: "#1a82e2", ink: "#ffffff", monogram: "SG" },
  mailgun: { background: "#f06b66", ink: "#ffffff", monogram: "MG" },
  postmark: { background: "#ffde00", ink: "#111827", monogram: "PM" },
  resend: { background: "#111111", ink: "#ffffff", monogram: "R" },
  ses: { background: "#ff9900", ink: "#111827", monogram: "SES" },
  aliyun: { background: "#ff6a00", ink: "#ffffff", monogram: "AY" },
  github: { background: "#24292f", ink: "#ffffff", monogram: "GH" },
  google: { background: "#ffffff", ink: "#1a73e8", monogram: "G" },
  "microsoft-entra-id": { background: "#0072c6", ink: "#ffffff", monogram: "ME" },
  oidc: { background: "#f78c40", ink: "#111827", monogram: "ID" },
};

function fallbackMark(id: string): Mark {
  return { background: "#6b7280", ink: "#ffffff", monogram: id.slice(0, 2).toUpperCase() || "?" };
}

function Glyph({ glyph, ink }: { glyph: NonNullable<Mark["glyph"]>; ink: string }) {
  const stroke = { fill: "none", stroke: ink, strokeWidth: 2.2, strokeLinecap: "round", strokeLinejoin: "round" } as const;
  switch (glyph) {
    case "envelope":
      return (
        <>
          <rect x="9" y="12" width="22" height="16" rx="2" {...stroke} />
          <path d="M10 14l10 7 10-7" {...stroke} />
        </>
      );
    case "code":
      return <path d="M16 14l-6 6 6 6M24 14l6 6-6 6" {...stroke} />;
    case "hook":
      return (
        <>
          <circle cx="13" cy="26" r="3" {...stroke} />
          <circle cx="27" cy="26" r="3" {...stroke} />
          <circle cx="20" cy="13" r="3" {...stroke} />
          <path d="M18.5 15.6L14.5 23.4M21.5 15.6l4 7.8M16 26h8" {...stroke} />
        </>
      );
  }
}

export function ProviderLogo({ id, size = 40 }: { id: string; size?: number }) {
  const mark = MARKS[id] ?? fallbackMark(id);
  const monogram = mark.monogram ?? "";
  return (
    <svg className="provider-logo" width={size} height={size} viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <rect width="40" height="40" rx="9" fill={mark.background} />
      {mark.glyph ? (
        <Glyph glyph={mark.glyph} ink={mark.ink} />
      ) : (
        <text
          x="20"
          y="20"
          dy="0.35em"
          textAnchor="middle"
          fill={mark.ink}
          fontFamily="ui-sans-serif, system-ui, sans-serif"
          fontWeight="700"
          fontSize={monogram.length > 2 ? 11 : 14}
        >
          {monogram}
        </text>
      )}
    </svg>
  );
}
