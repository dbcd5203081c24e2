import "server-only";
import { env } from "@/lib/env";
import { getActiveConnector, loadSavedConnector, smtpConfigFromEnv } from "@/lib/connectors/active";
import { createDns } from "./dns";
import { diagnose } from "./diagnose";
import type { Report, SenderTarget } from "./types";

/**
 * The doctor's report for the connector in force, kept for a few minutes
 * per domain, provider and selectors: DNS changes slowly, and the
 * connectors page shows its badge on every visit. Re-check skips the cache.
 */
export const REPORT_TTL_MS = 5 * 60_000;
const cache = new Map<string, { report: Promise<Report>; at: number }>();

/** null: the dev mailbox sends nothing out, so there is no domain to check. */
export async function getDeliverabilityReport(options: { selectors?: string[]; fresh?: boolean } = {}): Promise<Report | null> {
  const target = await currentTarget(options.selectors ?? []);
  if (!target) return null;
  const key = JSON.stringify(target);
  const hit = cache.get(key);
  if (hit && !options.fresh && Date.now() - hit.at < REPORT_TTL_MS) return hit.report;
  const report = diagnose(target, createDns(env.DNS_SERVERS));
  // Keyed partly by what an admin types (selectors): bounded, oldest out first.
  if (cache.size >= 50) cache.delete(cache.keys().next().value!);
  cache.set(key, { report, at: Date.now() });
  report.catch(() => cache.delete(key));
  return report;
}

async function currentTarget(selectors: string[]): Promise<SenderTarget | null> {
  const active = await getActiveConnector();
  if (active.id === "dev") return null;
  const domain = active.from.address.split("@").pop()!.toLowerCase();
  const config: Record<string, unknown> = active.source === "console" ? ((await loadSavedConnector())?.config ?? {}) : active.id === "smtp" ? smtpConfigFromEnv() : {};
  const text = (v: unknown) => (typeof v === "string" && v ? v : undefined);
  return { provider: active.id, domain, selectors, smtpHost: active.id === "smtp" ? text(config.host) : undefined, region: active.id === "aliyun" ? text(config.region) : undefined };
}

/** Selectors as the operator typed them: `s1, s2` or one per line; DNS labels only. */
export function parseSelectors(raw: string): string[] {
  return [...new Set(raw.split(/[\s,]+/).map((s) => s.trim().toLowerCase()).filter((s) => /^[a-z0-9][a-z0-9._-]{0,62}$/.test(s)))].slice(0, 5);
}
