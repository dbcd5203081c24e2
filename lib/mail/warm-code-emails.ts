import "server-only";
import { getSettings } from "@/lib/settings/get-settings";
import { warmTemplates } from "./render";

/**
 * Compiles the code emails for the saved branding and code lifetime, at
 * start-up. Never throws: a failure only means each email compiles on its
 * first send instead, so it is logged and start-up goes on.
 */
export async function warmCodeEmails(appUrl: string): Promise<void> {
  try {
    const { branding, signInExperience } = await getSettings();
    await warmTemplates({ branding, appUrl, ttlMinutes: Math.round(signInExperience.otp.ttlSeconds / 60) });
  } catch (error) {
    console.error(`mailgate: could not warm the email templates: ${error instanceof Error ? error.message : String(error)}`);
  }
}
