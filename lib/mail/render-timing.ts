import { EMAIL_KINDS, LOCALES, isNoticeKind, type EmailKind, type Locale } from "@/emails";
import { renderEmail, renderEmailFresh, sampleRenderInput, type RenderInput } from "./render";

export type RenderStats = { meanMs: number; p99Ms: number };

/** Milliseconds for one render of the first email in this process (call it first). */
export async function measureFirstRender(kind: EmailKind = "SignIn"): Promise<number> {
  const start = performance.now();
  await renderEmail(sampleRenderInput(kind));
  return performance.now() - start;
}

/** The sample input with this round's code and recipient, as a real send varies them. */
function roundInput(kind: EmailKind, locale: Locale, round: number): RenderInput {
  const sample = sampleRenderInput(kind, locale);
  const code = isNoticeKind(kind) ? sample.code : String(100_000 + ((round * 7919) % 900_000));
  return { ...sample, code, to: `user${round}@example.com` };
}

/**
 * Mean and 99th percentile of warm renders (HTML + text) of each kind in
 * each locale, over `iterations` renders with a fresh code and recipient
 * each. `fresh` times React rendering every message (the uncached path).
 * Renders every kind once first so no kind pays the first-render cost. For
 * `npm run bench` and timing scripts, not for tests.
 */
export async function measureRenderStats(iterations = 200, { fresh = false } = {}): Promise<Record<EmailKind, Record<Locale, RenderStats>>> {
  const rounds = Math.max(1, Math.floor(iterations));
  const renderOnce = fresh ? renderEmailFresh : renderEmail;
  for (const kind of EMAIL_KINDS) for (const locale of LOCALES) await renderOnce(sampleRenderInput(kind, locale));
  const stats = {} as Record<EmailKind, Record<Locale, RenderStats>>;
  for (const kind of EMAIL_KINDS) {
    stats[kind] = {} as Record<Locale, RenderStats>;
    for (const locale of LOCALES) {
      const times: number[] = [];
      for (let round = 0; round < rounds; round += 1) {
        const input = roundInput(kind, locale, round);
        const start = performance.now();
        await renderOnce(input);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const meanMs = times.reduce((sum, ms) => sum + ms, 0) / rounds;
      stats[kind][locale] = { meanMs, p99Ms: times[Math.min(rounds - 1, Math.ceil(rounds * 0.99) - 1)]! };
    }
  }
  return stats;
}

/** Mean milliseconds per warm render of each kind, over every locale (the bench's table). */
export async function measureRenderTimes(iterations = 20): Promise<Record<EmailKind, number>> {
  const stats = await measureRenderStats(iterations);
  const means = {} as Record<EmailKind, number>;
  for (const kind of EMAIL_KINDS) means[kind] = LOCALES.reduce((sum, locale) => sum + stats[kind][locale].meanMs, 0) / LOCALES.length;
  return means;
}
