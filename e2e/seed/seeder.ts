// The end-to-end seeder: a child process the fixtures (e2e/seed/users.ts)
// start once per app database, running the app's own account and session
// code against that database (DATABASE_URL), with AUTH_SECRET and the rest
// from the same .env files the server reads. The lib code is server-only:
// e2e/seed/seeders.ts runs this with a hook that resolves `server-only`
// (not the react-server condition, under which emails cannot be rendered).
// One JSON request per stdin line, one JSON
// answer per stdout line, handled one at a time (SQLite has one writer).
import { createInterface } from "node:readline";
import { loadEnvFiles } from "../../scripts/load-env.mjs";
import type { SeedAnswer, SeedRequest } from "./protocol";

loadEnvFiles();
const { db } = await import("@/lib/db");
const { emailKey } = await import("@/lib/auth/email");
const { createVerifiedAccount } = await import("@/lib/auth/create-verified-account");
const { hashPassword } = await import("@/lib/auth/password");
const { createSessionTicket } = await import("@/lib/auth/session");
const { parseEmail, parseNewPassword } = await import("@/lib/auth/validate");
const { pickLocale } = await import("@/lib/mail/locale");
const { getSettings, updateSettings } = await import("@/lib/settings/get-settings");
const { seedOrg } = await import("./org-seeder");
const { saveSocialConnector, setSocialConnectorEnabled } = await import("@/lib/social/store");
const { saveEndpointSettings } = await import("@/lib/webhooks/store");
const { suppressAddress } = await import("@/lib/deliverability/suppressions");

/** What startSignUp checks and stores, then what completeSignUp creates. */
async function createUser(request: Extract<SeedRequest, { op: "create" }>): Promise<{ userId: string; email: string }> {
  const email = parseEmail(request.email);
  if (!email.ok) throw new Error(`not an address the sign-up form accepts: ${request.email}`);
  const existing = await db.user.findUnique({ where: { email: email.value }, select: { id: true } });
  if (existing && request.ifMissing) return { userId: existing.id, email: email.value };
  const { minLength } = (await getSettings()).signInExperience.password;
  const password = request.password === null ? null : parseNewPassword(request.password, minLength, email.value);
  if (password && !password.ok) throw new Error(`a password the sign-up form refuses: ${JSON.stringify(password)}`);
  const account = {
    email: email.value,
    name: request.name?.trim().slice(0, 100) || null,
    passwordHash: password ? await hashPassword(password.value) : null,
    locale: pickLocale(request.locale, request.ctx.acceptLanguage),
  };
  return { userId: await db.$transaction((tx) => createVerifiedAccount(tx, account, request.ctx)), email: email.value };
}

/** Saves (or replaces) a social connector through the console's own save. */
async function seedSocialConnector(request: Extract<SeedRequest, { op: "socialConnector" }>): Promise<Record<string, never>> {
  const { id, providerId, name, values } = request;
  const exists = await db.socialConnector.findUnique({ where: { id }, select: { id: true } });
  const saved = await saveSocialConnector({ id, providerId, name, values, ...(exists ? { editing: id } : {}) }, null);
  if (!saved.ok) throw new Error(`saving social connector ${id}: ${JSON.stringify(saved)}`);
  await setSocialConnectorEnabled(id, request.enabled);
  return {};
}

async function answer(request: SeedRequest): Promise<SeedAnswer> {
  try {
    if (request.op === "create") return { n: request.n, ok: true, ...(await createUser(request)) };
    if (request.op === "ticket") return { n: request.n, ok: true, ticket: await createSessionTicket(request.userId, request.ctx) };
    if (request.op === "emailCodeSignIn") {
      await updateSettings({ signInExperience: { signIn: { password: true, emailCode: request.on } } });
      return { n: request.n, ok: true };
    }
    if (request.op === "deliveryReport") {
      const { recipient, status, detail } = request;
      await db.emailMessage.updateMany({ where: { recipient }, data: { deliveryStatus: status, deliveryDetail: detail, deliveryUpdatedAt: new Date() } });
      return { n: request.n, ok: true };
    }
    if (request.op === "socialConnector") return { n: request.n, ok: true, ...(await seedSocialConnector(request)) };
    if (request.op === "webhookEndpoint") {
      // Each provider's settings are its own shape; the spec gives the right fields for the provider it names.
      await saveEndpointSettings(request.provider, request.settings as never, "e2e");
      return { n: request.n, ok: true };
    }
    if (request.op === "suppress") {
      const { address, reason, ageSeconds } = request;
      await suppressAddress({ address, reason, provider: "ses", eventId: `e2e-${address}`, detail: reason === "complaint" ? "abuse" : "550 5.1.1 The email account does not exist" });
      // Listed earlier than now: two listings a spec makes in a row may share a millisecond.
      if (ageSeconds) await db.emailSuppression.updateMany({ where: { address: emailKey(address) }, data: { createdAt: new Date(Date.now() - ageSeconds * 1000) } });
      return { n: request.n, ok: true };
    }
    return { n: request.n, ok: true, ...(await seedOrg(request)) };
  } catch (error) {
    return { n: request.n, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim()) process.stdout.write(`${JSON.stringify(await answer(JSON.parse(line) as SeedRequest))}\n`);
}
await db.$disconnect();
