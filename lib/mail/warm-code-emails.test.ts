import { describe, expect, it } from "vitest";
import { EMAIL_KINDS, LOCALES, NOTICE_KINDS, isNoticeKind } from "@/emails";
import { env } from "@/lib/env";
import { getSettings, updateSettings } from "@/lib/settings/get-settings";
import { renderEmail, sampleRenderInput } from "./render";
import { renderCacheStats } from "./render-cache";
import { warmCodeEmails } from "./warm-code-emails";

describe("warmCodeEmails", () => {
  it("compiles every code email in both languages for the saved branding and code lifetime", async () => {
    await updateSettings({
      branding: { productName: "Warm & <Co>", primaryColor: "#0a7c42" },
      signInExperience: { otp: { ttlSeconds: 300 } },
    });
    await warmCodeEmails(env.APP_URL);
    const { branding } = await getSettings();
    const before = renderCacheStats();
    for (const kind of EMAIL_KINDS.filter((k) => !isNoticeKind(k))) {
      for (const locale of LOCALES) {
        const email = await renderEmail({ ...sampleRenderInput(kind, locale), branding, appUrl: env.APP_URL, ttlMinutes: 5, code: "314159" });
        expect(email.html).toContain("Warm &amp; &lt;Co&gt;");
      }
    }
    const after = renderCacheStats();
    expect(after.compiled).toBe(before.compiled);
    expect(after.filled).toBe(before.filled + (EMAIL_KINDS.length - NOTICE_KINDS.length) * LOCALES.length);
  });
});
