import { EMAIL_KINDS, LOCALES, type EmailKind } from "@/emails";
import { renderEmail, sampleRenderInput } from "./render";

/** Milliseconds for one render of the first email in this process (call it first). */
export async function measureFirstRender(kind: EmailKind = "SignIn"): Promise<number> {
  const start = performance.now();
  await renderEmail(sampleRenderInput(kind));
  return performance.now() - start;
}

/**
 * Mean milliseconds per warm render (HTML + text) for each kind, over
 * `iterations` renders in every locale. Renders every kind once first so no
 * kind pays the first-render cost. For `npm run bench`, not for tests.
 */
export async function measureRenderTimes(iterations = 20): Promise<Record<EmailKind, number>> {
  const rounds = Math.max(1, Math.floor(iterations));
  for (const kind of EMAIL_KINDS) await renderEmail(sampleRenderInput(kind));
  const times = {} as Record<EmailKind, number>;
  for (const kind of EMAIL_KINDS) {
    const start = performance.now();
    for (let i = 0; i < rounds; i += 1) {
      for (const locale of LOCALES) await renderEmail(sampleRenderInput(kind, locale));
    }
    times[kind] = (performance.now() - start) / (rounds * LOCALES.length);
  }
  return times;
}
