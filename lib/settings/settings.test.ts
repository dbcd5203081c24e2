import { describe, expect, it } from "vitest";
import { getSettings, updateSettings } from "./get-settings";
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
});
