import { DEFAULT_LOCALE, EMAIL_KINDS, LOCALES, PREVIEW_PROPS, isNoticeKind, type EmailKind, type Locale, type MfaFactor } from "@/emails";
import { renderCached } from "./render-cache";
import { renderFresh } from "./render-fresh";
import { resolveProps, type RenderInput, type RenderedEmail } from "./render-input";

// Pure: no server-only, env or database here, so tests, scripts and the
// preview can render exactly what users receive.

export type { EmailKind, Locale, MfaFactor, RenderInput, RenderedEmail };

/**
 * Renders one email: subject, HTML body and plain-text body. Filled into
 * markup rendered once per kind, locale and branding (render-cache.ts);
 * identical to `renderEmailFresh`, which the tests hold it to.
 */
export async function renderEmail(input: RenderInput): Promise<RenderedEmail> {
  const props = resolveProps(input);
  return (await renderCached(input.kind, props)) ?? renderFresh(input.kind, props);
}

/** Renders one email through React, bypassing the cache: the reference for tests and timing. */
export async function renderEmailFresh(input: RenderInput): Promise<RenderedEmail> {
  return renderFresh(input.kind, resolveProps(input));
}

/** A complete, valid input for `kind` with preview values (warm-up, timing, tests). */
export function sampleRenderInput(kind: EmailKind, locale: Locale = DEFAULT_LOCALE): RenderInput {
  const { branding, to, appUrl, code, ttlMinutes, lockMinutes, provider, newEmail, factor, organization, inviter, role, expiresInDays } = PREVIEW_PROPS;
  const { identityName, identityEmail, occurredAt, device, fromIp } = PREVIEW_PROPS;
  // Only the invitation carries a link: a code email warmed with one would be compiled for the wrong shape.
  const link = kind === "OrganizationInvitationNotice" ? `${appUrl}/invite/preview-token` : undefined;
  const invitation = { organization, inviter, role: role ?? undefined, expiresInDays, link };
  const identity = { identityName, identityEmail, occurredAt, device, fromIp };
  return { kind, locale, branding, to, appUrl, code, ttlMinutes, lockMinutes, provider, newEmail, factor: factor ?? undefined, ...invitation, ...identity };
}

export type WarmContext = Partial<Pick<RenderInput, "branding" | "appUrl" | "ttlMinutes">>;

/**
 * Compiles the code emails in every language for this branding, app URL and
 * code lifetime (what a code request will ask for), SignIn first, so no
 * request renders through React or loads the renderer. Notices compile on
 * their first send. Safe to call again: compiled entries are kept.
 */
export async function warmTemplates(context: WarmContext = {}): Promise<void> {
  for (const kind of EMAIL_KINDS) {
    if (isNoticeKind(kind)) continue;
    for (const locale of LOCALES) {
      const sample = sampleRenderInput(kind, locale);
      const { branding = sample.branding, appUrl = sample.appUrl, ttlMinutes = sample.ttlMinutes } = context;
      await renderEmail({ ...sample, branding, appUrl, ttlMinutes });
    }
  }
}
