import type { CSSProperties } from "react";
import { getSettings } from "@/lib/settings/get-settings";

export const dynamic = "force-dynamic";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const { branding } = await getSettings();
  const style = { "--brand": branding.primaryColor, "--bg": branding.backgroundColor } as CSSProperties;
  return (
    <main className="auth-shell" style={{ ...style, background: "var(--bg)" }}>
      <div className="card auth-card">
        <div className="brand">
          {/* eslint-disable-next-line @next/next/no-img-element -- operator-supplied URL, any host */}
          {branding.logoUrl ? <img src={branding.logoUrl} alt="" /> : null}
          <span>{branding.productName}</span>
        </div>
        {children}
      </div>
    </main>
  );
}
