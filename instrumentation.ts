/**
 * Runs once when the server starts (not during `next build`): refuses to
 * serve production with the dev mailbox, which would show every user's codes
 * to anyone, and warms the email templates so the first user does not pay
 * the first-render cost.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, isProduction } = await import("@/lib/env");
  if (isProduction && env.EMAIL_CONNECTOR === "dev" && !env.DEV_MAILBOX_IN_PRODUCTION) {
    throw new Error(
      "EMAIL_CONNECTOR=dev is refused in production: configure SMTP (see .env.example) or set DEV_MAILBOX_IN_PRODUCTION=true.",
    );
  }
  const { warmTemplates } = await import("@/lib/mail/render");
  await warmTemplates();
}
