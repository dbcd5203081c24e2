import "server-only";
import { db } from "@/lib/db";
import { brandingSchema, signInExperienceSchema, type Branding, type SignInExperience } from "./schema";

export type Settings = { signInExperience: SignInExperience; branding: Branding };

function parseJson(raw: string | undefined): unknown {
  try {
    return raw ? JSON.parse(raw) : {};
  } catch {
    return {};
  }
}

/**
 * How long a read of the settings row is reused. Every request needs the
 * settings (limits, methods, branding); reading them once a second instead
 * of several times per request takes round trips off every hot path. A
 * save in this process is seen at once; one made by another instance within
 * this time.
 */
export const SETTINGS_TTL_MS = 1000;

let cached: { settings: Promise<Settings>; at: number } | null = null;

/**
 * The settings, filling defaults for anything missing. A row that fails
 * validation (edited by hand) throws: silently falling back to defaults
 * could loosen limits an operator tightened.
 */
export function getSettings(): Promise<Settings> {
  const now = Date.now();
  if (cached && now - cached.at < SETTINGS_TTL_MS) return cached.settings;
  const settings = readSettings();
  cached = { settings, at: now };
  // A failed read is not kept: the next request asks the database again.
  settings.catch(() => {
    if (cached?.settings === settings) cached = null;
  });
  return settings;
}

async function readSettings(): Promise<Settings> {
  const row = await db.settings.findUnique({ where: { id: 1 } });
  return {
    signInExperience: signInExperienceSchema.parse(parseJson(row?.signInExperience)),
    branding: brandingSchema.parse(parseJson(row?.branding)),
  };
}

/** Writes a partial update, validated against the full schema first. */
export async function updateSettings(patch: {
  signInExperience?: Partial<Record<keyof SignInExperience, unknown>>;
  branding?: Partial<Branding>;
}): Promise<Settings> {
  const current = await readSettings();
  const next: Settings = {
    signInExperience: signInExperienceSchema.parse({ ...current.signInExperience, ...patch.signInExperience }),
    branding: brandingSchema.parse({ ...current.branding, ...patch.branding }),
  };
  const data = { signInExperience: JSON.stringify(next.signInExperience), branding: JSON.stringify(next.branding) };
  await db.settings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
  cached = { settings: Promise.resolve(next), at: Date.now() };
  return next;
}
