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
 * Reads the settings row, filling defaults for anything missing. A row that
 * fails validation (edited by hand) throws: silently falling back to defaults
 * could loosen limits an operator tightened.
 */
export async function getSettings(): Promise<Settings> {
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
  const current = await getSettings();
  const next: Settings = {
    signInExperience: signInExperienceSchema.parse({ ...current.signInExperience, ...patch.signInExperience }),
    branding: brandingSchema.parse({ ...current.branding, ...patch.branding }),
  };
  const data = { signInExperience: JSON.stringify(next.signInExperience), branding: JSON.stringify(next.branding) };
  await db.settings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
  return next;
}
