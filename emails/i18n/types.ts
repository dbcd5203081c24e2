import type { Purpose } from "@/lib/otp/purposes";
import type { OrgRole } from "@/lib/orgs/permissions";
import type { MfaFactor, NoticeKind } from "../kinds";

/**
 * What a sentence may mention. `minutes` is the number the email is about:
 * the code's lifetime in a code email, the pause in a lockout notice. The
 * other strings are empty when the email has none.
 */
export type Vars = {
  product: string;
  to: string;
  code: string;
  minutes: number;
  /** The branding's support address. */
  support: string;
  /** ConnectorTest: the provider that sent it; LinkIdentity: the social sign-in being connected. */
  provider: string;
  /** EmailChanged: the new address, already masked (`a•••@example.com`). */
  newEmail: string;
  /** MfaFactorAdded / MfaFactorRemoved: the factor's name in this language. */
  factor: string;
  /** OrganizationInvitationNotice: the organization's name, who invited, the role mid-sentence ("an admin"), days left. */
  organization: string;
  inviter: string;
  role: string;
  days: number;
  /** IdentityLinked / IdentityUnlinked: the account at the provider ("Ada (a•••@example.com)", "" when unnamed). */
  account: string;
  /** Security notices (SECURITY_NOTICES): when, the browser, the IP ("" when unknown). */
  when: string;
  device: string;
  ip: string;
};

export type Line = (vars: Vars) => string;

export type CodeCopy = {
  /** Starts with the code, so it can be read from the notification. */
  subject: Line;
  heading: Line;
  /** What the code is for; also the inbox preview text. */
  intro: Line;
  /** An extra, purpose-specific paragraph (a security hint, a reassurance). */
  note?: Line;
  /** Button label when the email carries a link. */
  action?: string;
};

export type NoticeCopy = {
  subject: Line;
  heading: Line;
  body: Line[];
  /** Shown after the buttons: what to do if it wasn't you. */
  after: Line;
};

/** One language's copy. Adding a language is one more file of this type. */
export type Copy = {
  /** BCP 47 tag for <html lang>. */
  lang: string;
  /** Font stack for body text; CJK needs its own fallbacks. */
  fontFamily: string;
  common: {
    expires: (minutes: number) => string;
    ignore: string;
    /** Text around the support address: `${before}<a>support@…</a>${after}`. */
    questions: readonly [before: string, after: string];
    sentBy: (sender: string, to: string) => string;
    /** The footer's links to the branding's terms and privacy pages. */
    legal: { terms: string; privacy: string };
    /** Introduces the raw URL under a button, for clients that break buttons. */
    orOpen: string;
    links: { open: string; signIn: string; resetPassword: string; createAccount: string; accountSecurity: string; acceptInvitation: string; accountConnections: string };
    /** A second factor's name as it reads mid-sentence ("an authenticator app"). */
    factors: Record<MfaFactor, string>;
    /** An organization role as it reads mid-sentence ("an admin"). */
    roles: Record<OrgRole, string>;
  };
  purposes: Record<Purpose, CodeCopy>;
  notices: Record<NoticeKind, NoticeCopy>;
};
