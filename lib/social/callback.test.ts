import { describe, expect, it } from "vitest";
import { decideCallback, type CallbackFacts } from "./callback";
import type { SocialProfile } from "./types";

const profile = (over: Partial<SocialProfile> = {}): SocialProfile => ({
  connectorId: "oidc", subject: "sub-1", email: "ada@example.test", emailVerified: true, name: "Ada", image: null, ...over,
});

const facts = (over: Partial<CallbackFacts> = {}): CallbackFacts => ({
  profile: profile(), linkedTo: null, accountForEmail: null, connect: null, signUp: "open", ...over,
});

describe("decideCallback", () => {
  it("signs a linked identity in as its account, whatever the provider says of the address now", () => {
    expect(decideCallback(facts({ linkedTo: "u1" }))).toEqual({ step: "sign-in", userId: "u1" });
    expect(decideCallback(facts({ linkedTo: "u1", profile: profile({ email: null, emailVerified: false }) }))).toEqual({ step: "sign-in", userId: "u1" });
    expect(decideCallback(facts({ linkedTo: "u1", accountForEmail: "u2", signUp: "closed" }))).toEqual({ step: "sign-in", userId: "u1" });
  });

  it("creates an account for a new identity whose verified address has none, only while sign-up is open", () => {
    expect(decideCallback(facts())).toEqual({ step: "sign-up" });
    expect(decideCallback(facts({ signUp: "invitation" }))).toEqual({ step: "refused", reason: "invitation-only" });
    expect(decideCallback(facts({ signUp: "closed" }))).toEqual({ step: "refused", reason: "sign-up-closed" });
  });

  it("never links silently to the account that has the verified address: a code to it first, in every sign-up mode", () => {
    for (const signUp of ["open", "invitation", "closed"] as const) {
      expect(decideCallback(facts({ accountForEmail: "u2", signUp }))).toEqual({ step: "confirm-link", email: "ada@example.test" });
    }
  });

  it("asks for an address when the provider does not vouch for one, or gives none, before anything else", () => {
    const unverified = profile({ emailVerified: false });
    expect(decideCallback(facts({ profile: unverified }))).toEqual({ step: "ask-email" });
    expect(decideCallback(facts({ profile: unverified, accountForEmail: "u2" }))).toEqual({ step: "ask-email" });
    expect(decideCallback(facts({ profile: profile({ email: null, emailVerified: true }) }))).toEqual({ step: "ask-email" });
    expect(decideCallback(facts({ profile: unverified, signUp: "closed" }))).toEqual({ step: "ask-email" });
  });

  it("links a connect to the signed-in user who started it, and never moves an identity linked to someone else", () => {
    const connect = { userId: "me", current: true };
    expect(decideCallback(facts({ connect }))).toEqual({ step: "connect", userId: "me", already: false });
    expect(decideCallback(facts({ connect, linkedTo: "me" }))).toEqual({ step: "connect", userId: "me", already: true });
    expect(decideCallback(facts({ connect, linkedTo: "other" }))).toEqual({ step: "connect-refused", reason: "linked-elsewhere" });
    // The address of another account does not matter to a connect: the user is already proven.
    expect(decideCallback(facts({ connect, accountForEmail: "other", profile: profile({ emailVerified: false }) }))).toEqual({ step: "connect", userId: "me", already: false });
  });

  it("refuses a connect whose session ended meanwhile instead of signing anyone in", () => {
    expect(decideCallback(facts({ connect: { userId: "me", current: false }, linkedTo: "me" }))).toEqual({ step: "connect-refused", reason: "expired" });
    expect(decideCallback(facts({ connect: { userId: "me", current: false } }))).toEqual({ step: "connect-refused", reason: "expired" });
  });
});
