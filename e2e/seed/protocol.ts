import type { RequestContext } from "@/lib/auth/request-context";

/**
 * Requests to e2e/seed/seeder.ts and its answers, one JSON object a line.
 * `n` pairs an answer with its request. `ctx` is what the app would have
 * read from the browser's request (client address, User-Agent,
 * Accept-Language): it lands in the session list and the activity log.
 */
export type SeedRequest =
  | {
      n: number;
      op: "create";
      email: string;
      /** null: an account without a password (code sign-in only). */
      password: string | null;
      name?: string;
      locale?: string;
      /** Return the existing account's id instead of failing when the address is taken. */
      ifMissing?: boolean;
      ctx: RequestContext;
    }
  | { n: number; op: "ticket"; userId: string; ctx: RequestContext }
  | SocialSeedRequest
  /** Email-code sign-in on or off (signInExperience.signIn.emailCode), as the console's toggle saves it; password sign-in stays on. */
  | { n: number; op: "emailCodeSignIn"; on: boolean }
  /** A provider webhook's settings, saved as the console saves them (lib/webhooks/store.ts). */
  | { n: number; op: "webhookEndpoint"; provider: "ses" | "sendgrid" | "mailgun" | "postmark" | "resend"; settings: Record<string, string> }
  /** A provider's report on every email to `recipient`, as a webhook leaves it on the outbox row (EmailMessage.delivery*). */
  | { n: number; op: "deliveryReport"; recipient: string; status: string; detail: string }
  /** The address on the suppression list, as a provider's bounce or complaint webhook puts it there (lib/deliverability/suppressions.ts). */
  | { n: number; op: "suppress"; address: string; reason: "hard_bounce" | "complaint"; ageSeconds?: number }
  | OrgSeedRequest;

/**
 * A social connector saved as the console saves it (lib/social/store.ts),
 * pointed at the test providers (tests/providers/serve.ts); `values` are the
 * form's (`allowPrivateTargets: "on"` for them, on loopback).
 */
export type SocialSeedRequest = {
  n: number;
  op: "socialConnector";
  id: string;
  providerId: string;
  name: string;
  values: Record<string, string>;
  enabled: boolean;
};

/**
 * Organizations and invitations (e2e/seed/org-seeder.ts): what an admin
 * would do on pages this branch may not have yet, run through the same lib
 * functions; and the states time or settings bring (an expired invitation,
 * invitation-only sign-up, a second factor).
 */
export type OrgSeedRequest =
  | { n: number; op: "organization"; ownerId: string; name: string; slug: string; ctx: RequestContext }
  | { n: number; op: "invite"; actorId: string; slug: string; email: string; role: "owner" | "admin" | "member"; ctx: RequestContext }
  | { n: number; op: "revoke"; actorId: string; slug: string; email: string; ctx: RequestContext }
  | { n: number; op: "expire"; slug: string; email: string }
  | { n: number; op: "emailFactor"; userId: string }
  | { n: number; op: "signUpMode"; mode: "open" | "invitation" };

/** `email` is the stored address (the account key, lower case); `status` an invitation outcome. */
export type SeedAnswer =
  | { n: number; ok: true; userId?: string; email?: string; ticket?: string; slug?: string; status?: string }
  | { n: number; ok: false; error: string };
