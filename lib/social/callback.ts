import type { SocialProfile } from "./types";

/**
 * The decision after a provider's callback, as a pure function of what the
 * database said (run-callback.ts gathers the facts and carries it out), so
 * every branch is unit-tested without a provider.
 */
export type SignUpMode = "open" | "invitation" | "closed";

export type CallbackFacts = {
  profile: SocialProfile;
  /** The account this identity (connector + subject) is linked to, if any. */
  linkedTo: string | null;
  /** The account whose address is the provider's email; looked up only when the provider vouches for it. */
  accountForEmail: string | null;
  /**
   * A connect started from the account centre (a "social-connect" flow in
   * this browser): its user, and whether the session that started it is
   * still this browser's current session.
   */
  connect: { userId: string; current: boolean } | null;
  signUp: SignUpMode;
};

export type CallbackDecision =
  /** A linked identity: sign in as its account (second step and all). */
  | { step: "sign-in"; userId: string }
  /** Link to the signed-in user who asked for it (`already`: it is theirs already). */
  | { step: "connect"; userId: string; already: boolean }
  | { step: "connect-refused"; reason: "linked-elsewhere" | "expired" }
  /** A new identity with a verified address no account has: a new account, linked, signed in. */
  | { step: "sign-up" }
  /** The verified address belongs to an account: link only after a code sent to it. */
  | { step: "confirm-link"; email: string }
  /** No address the provider vouches for: ask for one and prove it with a code. */
  | { step: "ask-email" }
  | { step: "refused"; reason: "sign-up-closed" | "invitation-only" };

export function decideCallback(facts: CallbackFacts): CallbackDecision {
  const { profile, linkedTo, connect } = facts;
  // A connect is about the signed-in user only; it never signs anyone in.
  if (connect) {
    if (!connect.current) return { step: "connect-refused", reason: "expired" };
    if (linkedTo && linkedTo !== connect.userId) return { step: "connect-refused", reason: "linked-elsewhere" };
    return { step: "connect", userId: connect.userId, already: linkedTo === connect.userId };
  }
  if (linkedTo) return { step: "sign-in", userId: linkedTo };
  if (!profile.email || !profile.emailVerified) return { step: "ask-email" };
  // Never linked silently: whoever controls the provider account must also read this inbox.
  if (facts.accountForEmail) return { step: "confirm-link", email: profile.email };
  if (facts.signUp === "invitation") return { step: "refused", reason: "invitation-only" };
  if (facts.signUp === "closed") return { step: "refused", reason: "sign-up-closed" };
  return { step: "sign-up" };
}
