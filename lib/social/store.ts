import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { open, seal } from "@/lib/crypto/seal";
import { configFieldName, configToFormValues, formToConfig, getPath, mergeSecrets, schemaFieldErrors, setPath, splitSecrets, type FormValues } from "@/lib/connectors/form";
import { userText } from "@/lib/errors/codes";
import { failFields, failWith, type FieldErrors } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";
import { toAuthProvider } from "./auth-provider";
import { socialCallbackUrl, socialProviders, socialSecretKeys, type AnySocialConfig } from "./registry";
import { testSocialConfig } from "./test-config";
import { isSocialProviderId, type SocialButton, type SocialProviderId } from "./types";

/**
 * Social connectors as the console and sign-in use them. A connector's
 * secret fields are sealed together (AES-256-GCM, bound to the connector's
 * id) in `secrets`; `config` holds the rest in clear. Nothing here returns a
 * secret except loadEnabledConnectors (for next-auth, on the server).
 */
export type SocialConnectorInput = {
  /** The new connector's id, or the edited one's (which cannot change: it is in the callback URL). */
  id: string;
  providerId: string;
  /** The button label; blank → the provider's label. */
  name: string;
  /** Config values by field key, as the form posted them. */
  values: FormValues;
  /** Set when editing: the saved connector's id. */
  editing?: string;
};

export type SavedSocialConnector = AnySocialConfig & { id: string; name: string; enabled: boolean; position: number };

export type SocialConnectorSummary = {
  id: string;
  providerId: SocialProviderId;
  providerLabel: string;
  name: string;
  enabled: boolean;
  position: number;
  /** Accounts joined through it (kept when it is deleted). */
  identities: number;
  updatedAt: Date;
  callbackUrl: string;
  /** Why it cannot be used (its secrets cannot be opened, its config is no longer valid), when it cannot. */
  problem: string | null;
};

/** Letters, digits and dashes: it is the last part of the callback URL and next-auth's provider id. */
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** next-auth's own provider ids in this app (lib/auth/next-auth.ts). */
const RESERVED_IDS = new Set(["ticket", "credentials", "email", "webauthn", "passkey"]);

const secretsContext = (id: string) => `social-connector:${id}`;

export const connectorCallbackUrl = (id: string) => socialCallbackUrl(env.APP_URL, id);

type Row = { id: string; providerId: string; name: string; config: string; secrets: string; enabled: boolean; position: number };

/** A row with its secrets opened and its config checked again (a hand-edited row could be anything). */
function openRow(row: Row): SavedSocialConnector {
  if (!isSocialProviderId(row.providerId)) throw new Error(`"${row.providerId}" is not a social provider in this version.`);
  const secrets = JSON.parse(open(row.secrets, secretsContext(row.id))) as Record<string, unknown>;
  const raw = mergeSecrets(JSON.parse(row.config) as Record<string, unknown>, secrets);
  const parsed = socialProviders[row.providerId].configSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`Its saved settings are no longer valid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}.`);
  return { id: row.id, name: row.name, enabled: row.enabled, position: row.position, providerId: row.providerId, config: parsed.data } as SavedSocialConnector;
}

/** One connector with its secrets, or null when none has this id. Throws when it cannot be opened. */
export async function loadSocialConnector(id: string): Promise<SavedSocialConnector | null> {
  const row = await db.socialConnector.findUnique({ where: { id } });
  return row ? openRow(row) : null;
}

/**
 * How long the enabled connectors are reused: every sign-in page and every
 * next-auth request needs them. A change in this process is seen at once
 * (forgetSocialConnectors); one made by another instance within this time.
 */
export const SOCIAL_CONNECTORS_TTL_MS = 1000;
let cached: { connectors: Promise<SavedSocialConnector[]>; at: number } | null = null;

/** The enabled connectors in button order, secrets opened; one that cannot be opened is left out (and logged). */
export function loadEnabledConnectors(): Promise<SavedSocialConnector[]> {
  const now = Date.now();
  if (cached && now - cached.at < SOCIAL_CONNECTORS_TTL_MS) return cached.connectors;
  const connectors = readEnabled();
  cached = { connectors, at: now };
  connectors.catch(() => {
    if (cached?.connectors === connectors) cached = null;
  });
  return connectors;
}

async function readEnabled(): Promise<SavedSocialConnector[]> {
  const rows = await db.socialConnector.findMany({ where: { enabled: true }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
  const out: SavedSocialConnector[] = [];
  for (const row of rows) {
    try {
      out.push(openRow(row));
    } catch (error) {
      // One broken connector must not take the others' buttons away; the console shows its problem.
      console.error(`mailgate: social connector ${row.id} left out: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return out;
}

/** After a change: the next read goes to the database. */
export function forgetSocialConnectors(): void {
  cached = null;
}

/** The sign-in page's buttons, in the console's order. Never a secret. */
export async function enabledSocialButtons(): Promise<SocialButton[]> {
  return (await loadEnabledConnectors()).map(({ id, providerId, name }) => ({ id, providerId, name }));
}

/**
 * next-auth provider configs of the enabled connectors, in button order.
 * `wanted`: the connector a request names (a callback). One the cached list
 * lacks may have been added moments ago by another process or instance:
 * read again rather than fail that sign-in.
 */
export async function loadAuthProviders(wanted?: string | null) {
  let connectors = await loadEnabledConnectors();
  if (wanted && !connectors.some((connector) => connector.id === wanted)) {
    forgetSocialConnectors();
    connectors = await loadEnabledConnectors();
  }
  return connectors.map(toAuthProvider);
}

/** Every connector for the console, without secrets, each with how many accounts are joined through it. */
export async function listSocialConnectors(): Promise<SocialConnectorSummary[]> {
  const [rows, counts] = await Promise.all([
    db.socialConnector.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
    db.socialIdentity.groupBy({ by: ["connectorId"], _count: { _all: true } }),
  ]);
  const identities = new Map(counts.map((c) => [c.connectorId, c._count._all]));
  return rows.map((row) => {
    let problem: string | null = null;
    try {
      openRow(row);
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    const providerId = isSocialProviderId(row.providerId) ? row.providerId : "oidc";
    return {
      id: row.id,
      providerId,
      providerLabel: socialProviders[providerId].label,
      name: row.name,
      enabled: row.enabled,
      position: row.position,
      identities: identities.get(row.id) ?? 0,
      updatedAt: row.updatedAt,
      callbackUrl: connectorCallbackUrl(row.id),
      problem,
    };
  });
}

type Resolved = { id: string; name: string; connector: AnySocialConfig };

/** Checks the form: id, name and the provider's config; a blank secret while editing takes the saved one. */
async function resolve(input: SocialConnectorInput): Promise<Result<Resolved>> {
  if (!isSocialProviderId(input.providerId)) return failWith("invalid_input", "Choose a provider.");
  const providerId = input.providerId;
  const provider = socialProviders[providerId];
  const fieldErrors: FieldErrors = {};
  const id = (input.editing ?? input.id).trim();
  if (!input.editing) {
    if (!ID_PATTERN.test(id) || id.length > 40) fieldErrors.id = ["Use 1–40 lowercase letters, digits and dashes, like acme-sso."];
    else if (RESERVED_IDS.has(id)) fieldErrors.id = [`"${id}" is reserved; choose another.`];
  }
  const name = input.name.replace(/[\u0000-\u001f\u007f]/g, "").trim() || provider.label;
  if (name.length > 60) fieldErrors.name = ["Use at most 60 characters."];

  const parsed = formToConfig(provider.fields, input.values);
  for (const [key, message] of Object.entries(parsed.fieldErrors)) fieldErrors[configFieldName(key)] = [message];
  if (input.editing && parsed.blankSecrets.length > 0) {
    const saved = await loadSocialConnector(input.editing).catch(() => null);
    if (saved?.providerId === providerId) {
      for (const key of parsed.blankSecrets) {
        const value = getPath(saved.config as Record<string, unknown>, key);
        if (value !== undefined) setPath(parsed.config, key, value);
      }
    }
  }
  const checked = provider.configSchema.safeParse(parsed.config);
  if (!checked.success) schemaFieldErrors(provider.fields, checked.error, fieldErrors);
  if (Object.keys(fieldErrors).length > 0) return failFields(fieldErrors, userText("invalid_input"));
  return ok({ id, name, connector: { providerId, config: checked.data } as AnySocialConfig });
}

/** The console's "Test configuration" with the values as typed (nothing saved). */
export async function testSocialConnector(input: SocialConnectorInput): Promise<Result<{ message: string }>> {
  const resolved = await resolve(input);
  if (!resolved.ok) return resolved;
  const { id, name, connector } = resolved.value;
  return testSocialConfig({ ...connector, name }, connectorCallbackUrl(id || "new"));
}

/** Creates or updates one connector; a new one goes last and starts enabled. */
export async function saveSocialConnector(input: SocialConnectorInput, userId: string | null): Promise<Result<{ id: string; name: string }>> {
  const resolved = await resolve(input);
  if (!resolved.ok) return resolved;
  const { id, name, connector } = resolved.value;
  const { publicConfig, secrets } = splitSecrets(socialProviders[connector.providerId].fields, connector.config as Record<string, unknown>);
  const data = { providerId: connector.providerId, name, config: JSON.stringify(publicConfig), secrets: seal(JSON.stringify(secrets), secretsContext(id)), updatedBy: userId };
  if (input.editing) {
    const updated = await db.socialConnector.updateMany({ where: { id }, data });
    if (updated.count === 0) return failWith("not_found", "This connector no longer exists.");
  } else {
    if (await db.socialConnector.findUnique({ where: { id }, select: { id: true } })) {
      return failFields({ id: [`A connector with the id "${id}" already exists.`] }, userText("invalid_input"));
    }
    const last = await db.socialConnector.aggregate({ _max: { position: true } });
    await db.socialConnector.create({ data: { id, ...data, enabled: true, position: (last._max.position ?? -1) + 1 } });
  }
  forgetSocialConnectors();
  return ok({ id, name });
}

export async function setSocialConnectorEnabled(id: string, enabled: boolean): Promise<Result<{ name: string }>> {
  const row = await db.socialConnector.findUnique({ where: { id }, select: { name: true } });
  if (!row) return failWith("not_found", "This connector no longer exists.");
  await db.socialConnector.update({ where: { id }, data: { enabled } });
  forgetSocialConnectors();
  return ok({ name: row.name });
}

/** Swaps a connector with its neighbour in the button order; positions are renumbered 0…n-1 on the way. */
export async function moveSocialConnector(id: string, direction: "up" | "down"): Promise<Result<{ position: number }>> {
  const result = await db.$transaction(async (tx) => {
    const ids = (await tx.socialConnector.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true } })).map((r) => r.id);
    const from = ids.indexOf(id);
    if (from < 0) return null;
    const to = Math.max(0, Math.min(ids.length - 1, from + (direction === "up" ? -1 : 1)));
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    for (const [position, each] of ids.entries()) await tx.socialConnector.update({ where: { id: each }, data: { position } });
    return to;
  });
  if (result === null) return failWith("not_found", "This connector no longer exists.");
  forgetSocialConnectors();
  return ok({ position: result });
}

/** Deletes a connector; the accounts joined through it keep their identities (re-adding the same id brings them back). */
export async function deleteSocialConnector(id: string): Promise<Result<{ name: string; identities: number }>> {
  const row = await db.socialConnector.findUnique({ where: { id }, select: { name: true } });
  if (!row) return failWith("not_found", "This connector no longer exists.");
  const identities = await db.socialIdentity.count({ where: { connectorId: id } });
  await db.socialConnector.delete({ where: { id } });
  forgetSocialConnectors();
  return ok({ name: row.name, identities });
}

export type SocialFormStart = { id: string; name: string; values: FormValues; secretsSet: string[]; enabled: boolean };

/** The form's starting values: a saved connector's (never its secrets), or a provider's defaults. */
export async function getSocialFormStart(target: { editing: string } | { providerId: SocialProviderId }): Promise<SocialFormStart | null> {
  if ("editing" in target) {
    const row = await db.socialConnector.findUnique({ where: { id: target.editing } });
    if (!row || !isSocialProviderId(row.providerId)) return null;
    const provider = socialProviders[row.providerId];
    const config = JSON.parse(row.config) as Record<string, unknown>;
    const secrets = safeOpenKeys(row);
    return { id: row.id, name: row.name, values: configToFormValues(provider.fields, config), secretsSet: socialSecretKeys(row.providerId).filter((k) => secrets.includes(k)), enabled: row.enabled };
  }
  const provider = socialProviders[target.providerId];
  const values: FormValues = {};
  for (const field of provider.fields) if (field.default !== undefined) values[field.key] = field.type === "checkbox" ? (field.default ? "on" : "") : String(field.default);
  return { id: await freeId(target.providerId), name: provider.label, values, secretsSet: [], enabled: true };
}

/** Which secrets a row holds (names only); none when it cannot be opened. */
function safeOpenKeys(row: Row): string[] {
  try {
    return Object.keys(JSON.parse(open(row.secrets, secretsContext(row.id))) as Record<string, unknown>);
  } catch {
    return [];
  }
}

/** The provider id, or `<id>-2`, `-3`… when taken: a ready suggestion for a new connector's id. */
async function freeId(providerId: SocialProviderId): Promise<string> {
  const base = providerId === "microsoft-entra-id" ? "microsoft" : providerId;
  const taken = new Set((await db.socialConnector.findMany({ select: { id: true } })).map((r) => r.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}
