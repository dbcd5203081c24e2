import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordQueries } from "@/lib/db-queries";
import { getSettings, SETTINGS_TTL_MS, updateSettings } from "./get-settings";
import { signInExperienceSchema } from "./schema";

describe("settings", () => {
  it("an empty database means the shipped defaults", async () => {
    const { signInExperience, branding } = await getSettings();
    expect(signInExperience.otp).toMatchObject({ ttlSeconds: 600, maxAttempts: 5, resendCooldownSeconds: 60, maxSendsPerAddressPerHour: 10 });
    expect(signInExperience.signIn).toEqual({ password: true, emailCode: true });
    expect(signInExperience.password.minLength).toBe(12);
    expect(branding.productName).toBe("Mailgate");
  });

  it("stores partial updates and keeps the rest", async () => {
    await updateSettings({ branding: { productName: "Acme" }, signInExperience: { signIn: { password: false, emailCode: true } } });
    const s = await getSettings();
    expect(s.branding.productName).toBe("Acme");
    expect(s.branding.primaryColor).toBe("#4f46e5");
    expect(s.signInExperience.signIn.password).toBe(false);
  });

  it("refuses limits looser than the security defaults allow", () => {
    expect(() => signInExperienceSchema.parse({ otp: { ttlSeconds: 3600 } })).toThrow();
    expect(() => signInExperienceSchema.parse({ otp: { maxAttempts: 10 } })).toThrow();
    expect(() => signInExperienceSchema.parse({ password: { minLength: 6 } })).toThrow();
  });

  it("is read once per second, not once per use, and a change from another instance shows within that second", async () => {
    await updateSettings({ branding: { productName: "Before" } });
    const reads = await recordQueries(async () => {
      for (let i = 0; i < 5; i++) await getSettings();
    });
    expect(reads.queries).toHaveLength(0);
    // Another instance saves: this one's copy is at most SETTINGS_TTL_MS old.
    const row = await db.settings.findUniqueOrThrow({ where: { id: 1 } });
    await db.settings.update({ where: { id: 1 }, data: { branding: row.branding.replace("Before", "After") } });
    await new Promise((resolve) => setTimeout(resolve, SETTINGS_TTL_MS + 50));
    expect((await getSettings()).branding.productName).toBe("After");
  });
});
