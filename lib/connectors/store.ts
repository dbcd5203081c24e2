import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { seal } from "@/lib/crypto/seal";
import { renderEmail } from "@/lib/mail/render";
import { getSettings } from "@/lib/settings/get-settings";
import type { Locale } from "@/lib/mail/locale";
import { userText } from "@/lib/errors/codes";
import { failField, failFields, failWith, type FieldErrors } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";
import { isEmailAddress, sanitizeHeaderText, type Mailbox } from "./address";
import { deleteRefusal, emailDependents } from "./dependents";
import { bindConnector, envConnector, forgetActiveConnector, loadSavedConnector, SAVED_CONNECTOR_AAD } from "./active";
import { configFieldName, configToFormValues, formToConfig, getPath, schemaFieldErrors, setPath, splitSecrets, type FormValues } from "./form";
import { pools } from "./net/pools";
import { connectors, isConnectorId, type ConnectorId } from "./registry";
import { ConnectorError, secretKeys } from "./types";

/**
 * What the console does with connectors: check and send a test with unsaved
 * settings, save (replacing the active connector in one write), delete.
 * Form field names are the config paths; secrets left blank while editing the
 * saved provider keep their saved value.
 */
export type ConnectorInput = {
  connectorId: string;
  /** Config values by field key (`auth.password`), as the form posted them. */
  values: FormValues;
  fromAddress: string;
  fromName: string;
};

type Resolved = { id: ConnectorId; config: Record<string, unknown>; from: Mailbox };

export { configFieldName };

async function resolve(input: ConnectorInput): Promise<Result<Resolved>> {
  if (!isConnectorId(input.connectorId)) return failWith("invalid_input", "Choose an email provider.");
  const id = input.connectorId;
  const connector = connectors[id];
  const fieldErrors: FieldErrors = {};

  const fromAddress = input.fromAddress.trim();
  if (!fromAddress) fieldErrors.fromAddress = ["Enter the address emails are sent from."];
  else if (!isEmailAddress(fromAddress)) fieldErrors.fromAddress = ["Enter one email address, like no-reply@example.com."];
  const fromName = sanitizeHeaderText(input.fromName).slice(0, 100);

  const parsed = formToConfig(connector.fields, input.values);
  for (const [key, message] of Object.entries(parsed.fieldErrors)) fieldErrors[configFieldName(key)] = [message];

  // Editing the saved provider: a blank secret means "keep the saved one".
  if (parsed.blankSecrets.length > 0) {
    const saved = await loadSavedConnector().catch(() => null);
    if (saved?.connectorId === id) {
      for (const key of parsed.blankSecrets) {
        const value = getPath(saved.config, key);
        if (value !== undefined) setPath(parsed.config, key, value);
      }
    }
  }

  const checked = connector.configSchema.safeParse(parsed.config);
  if (!checked.success) schemaFieldErrors(connector.fields, checked.error, fieldErrors);
  if (Object.keys(fieldErrors).length > 0) return failFields(fieldErrors, userText("invalid_input"));
  return ok({ id, config: (checked.data ?? {}) as Record<string, unknown>, from: { name: fromName || undefined, address: fromAddress } });
}

/**
 * Sends a test email with settings that are not saved, and says exactly what
 * the provider answered when it fails. Recorded in the deliveries list.
 * Written in `locale`, the admin's language, who is usually its reader.
 */
export async function sendTestEmail(input: ConnectorInput & { to: string; locale: Locale }): Promise<Result<{ message: string }>> {
  const to = input.to.trim();
  if (!isEmailAddress(to)) return failField("testTo", "Enter the address to send the test to.");
  const resolved = await resolve(input);
  if (!resolved.ok) return resolved;
  const { id, config, from } = resolved.value;
  const { branding } = await getSettings();
  const connector = bindConnector(id, config, from);
  const rendered = await renderEmail({ kind: "ConnectorTest", locale: input.locale, branding, to, appUrl: env.APP_URL, provider: connector.label });
  const started = Date.now();
  try {
    const { messageId } = await connector.send({
      to,
      from: { name: from.name ?? branding.senderName, address: from.address },
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      context: { type: "ConnectorTest", locale: input.locale, variables: { provider: connector.label } },
    });
    await recordTest(id, to, input.locale, rendered.subject, { status: "sent", providerMessageId: messageId });
    return ok({ message: `Test email sent to ${to} through ${connector.label} in ${Date.now() - started} ms (provider id ${messageId}). Check that it arrived, then save.` });
  } catch (error) {
    const code = error instanceof ConnectorError ? error.code : "provider_error";
    const text = connector.redact(error instanceof Error ? error.message : String(error));
    if (!(error instanceof ConnectorError)) console.error("mailgate: test email failed unexpectedly", error);
    await recordTest(id, to, input.locale, rendered.subject, { status: "dead", errorCode: code, errorMessage: text.slice(0, 2000) });
    return failWith("send_failed", `The test email was not sent (${code}): ${text}`);
  }
}

async function recordTest(connector: string, to: string, locale: Locale, subject: string, outcome: { status: "sent"; providerMessageId: string } | { status: "dead"; errorCode: string; errorMessage: string }) {
  const id = crypto.randomUUID();
  const now = new Date();
  await db.emailMessage.create({
    data: {
      id, idempotencyKey: id, purpose: "ConnectorTest", recipient: to, locale, connector, subject,
      attempts: 1, maxAttempts: 1, lastAttemptAt: now, ...(outcome.status === "sent" ? { sentAt: now } : {}), ...outcome,
    },
  });
}

/** Validates and saves: one upsert, so the new connector replaces the old one at once for every later email. */
export async function saveConnector(input: ConnectorInput, userId: string): Promise<Result<{ label: string }>> {
  const resolved = await resolve(input);
  if (!resolved.ok) return resolved;
  const { id, config, from } = resolved.value;
  const { publicConfig, secrets } = splitSecrets(connectors[id].fields, config);
  const data = {
    connectorId: id,
    config: JSON.stringify(publicConfig),
    secrets: seal(JSON.stringify(secrets), SAVED_CONNECTOR_AAD),
    fromAddress: from.address,
    fromName: from.name ?? null,
    updatedBy: userId,
  };
  await db.emailConnector.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
  forgetActiveConnector();
  // The old configuration's connections close once their sends are done (other instances notice at their next send).
  pools.closeOwner("console");
  return ok({ label: connectors[id].label });
}

export async function deleteConnector(): Promise<Result<{ fallback: string }>> {
  const { signInExperience } = await getSettings();
  const emailMfaUsers = await db.mfaFactor.count({ where: { type: "email", confirmedAt: { not: null } } });
  const dependents = emailDependents(signInExperience, emailMfaUsers);
  if (dependents.length > 0) {
    return failWith("conflict", deleteRefusal(dependents));
  }
  await db.emailConnector.deleteMany({ where: { id: 1 } });
  forgetActiveConnector();
  pools.closeOwner("console");
  return ok({ fallback: connectors[env.EMAIL_CONNECTOR].label });
}

/** The form's starting values for a provider: the saved ones when it is the saved provider, else the field defaults. */
export async function getFormStart(connectorId: ConnectorId): Promise<{ values: FormValues; secretsSet: string[]; fromAddress: string; fromName: string }> {
  const connector = connectors[connectorId];
  const saved = await loadSavedConnector();
  if (saved && saved.connectorId === connectorId) {
    return {
      values: configToFormValues(connector.fields, saved.config),
      secretsSet: secretKeys(connector).filter((key) => getPath(saved.config, key) !== undefined),
      fromAddress: saved.fromAddress,
      fromName: saved.fromName ?? "",
    };
  }
  const values: FormValues = {};
  for (const field of connector.fields) if (field.default !== undefined) values[field.key] = field.type === "checkbox" ? (field.default ? "on" : "") : String(field.default);
  const envFrom = safe(() => envConnector().from);
  return { values, secretsSet: [], fromAddress: saved?.fromAddress ?? envFrom?.address ?? "", fromName: saved?.fromName ?? envFrom?.name ?? "" };
}

export type ConnectorOverview = {
  active: { id: ConnectorId; label: string; source: "console" | "env"; fromAddress: string; fromName: string | null; updatedAt: Date | null } | null;
  /** Why the active connector cannot be used, when it cannot. */
  problem: string | null;
  envConnector: { id: ConnectorId; label: string };
  stats: { lastSentAt: Date | null; sent24h: number; failed24h: number; retrying: number; failureRate24h: number | null };
};

export async function getConnectorOverview(): Promise<ConnectorOverview> {
  let active: ConnectorOverview["active"] = null;
  let problem: string | null = null;
  try {
    const saved = await loadSavedConnector();
    if (saved) {
      active = { id: saved.connectorId, label: connectors[saved.connectorId].label, source: "console", fromAddress: saved.fromAddress, fromName: saved.fromName, updatedAt: saved.updatedAt };
    } else {
      const fromEnv = envConnector();
      active = { id: fromEnv.id, label: fromEnv.label, source: "env", fromAddress: fromEnv.from.address, fromName: fromEnv.from.name ?? null, updatedAt: null };
    }
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  const since = new Date(Date.now() - 24 * 3600_000);
  // Console test sends are not deliveries: they would skew the failure rate while an admin tries settings.
  const connectorFilter = { ...(active ? { connector: active.id } : {}), purpose: { not: "ConnectorTest" } };
  const [lastSent, sent24h, failed24h, retrying] = await Promise.all([
    db.emailMessage.findFirst({ where: { status: "sent", ...connectorFilter }, orderBy: { sentAt: "desc" }, select: { sentAt: true } }),
    db.emailMessage.count({ where: { status: "sent", sentAt: { gte: since }, ...connectorFilter } }),
    db.emailMessage.count({ where: { status: "dead", lastAttemptAt: { gte: since }, errorCode: { notIn: ["superseded", "expired"] }, ...connectorFilter } }),
    db.emailMessage.count({ where: { status: { in: ["failed", "queued"] } } }),
  ]);
  const total = sent24h + failed24h;
  return {
    active,
    problem,
    envConnector: { id: env.EMAIL_CONNECTOR, label: connectors[env.EMAIL_CONNECTOR].label },
    stats: { lastSentAt: lastSent?.sentAt ?? null, sent24h, failed24h, retrying, failureRate24h: total > 0 ? failed24h / total : null },
  };
}

function safe<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}
