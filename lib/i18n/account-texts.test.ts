import { describe, expect, it } from "vitest";
import { describeEvent, AUDIT_TYPES } from "@/lib/account/audit";
import { describeDevice } from "@/lib/account/user-agent";
import type { Failure } from "@/lib/errors/failure";
import { goneMessage, goneParts, invitationGone } from "@/lib/orgs/invitation-gone";
import { INVITATION_NO_LONGER_VALID } from "@/lib/orgs/accept-invitation-with-new-account";
import { TYPE_THE_NAME } from "@/lib/orgs/delete-organization";
import { ADMIN_CANNOT_TOUCH_OWNER, CANNOT_GRANT, INVITATION_NOT_FOUND, MEMBER_NOT_FOUND, ORG_NOT_FOUND, refused } from "@/lib/orgs/messages";
import { parseInviteAddresses } from "@/lib/orgs/parse-invite-addresses";
import { LAST_OWNER_DEMOTE, LAST_OWNER_LEAVE, ORG_ACTIONS } from "@/lib/orgs/permissions";
import { NOT_REVOCABLE } from "@/lib/orgs/revoke-invitation";
import { NOT_PENDING } from "@/lib/orgs/resend-invitation";
import { ONLY_OWNER, REMOVE_SELF } from "@/lib/orgs/remove-member";
import { TRANSFER_TO_SELF } from "@/lib/orgs/transfer-ownership";
import { parseLogoUrl, parseOrgName, parseOrgSlug, RESERVED_SLUGS, SLUG_TAKEN } from "@/lib/orgs/validate-organization";
import { IDENTITY_GONE } from "@/lib/social/identities";
import type { Result } from "@/lib/result";
import { translateText } from "./translate-text";
import { translator } from "./translator";

// The English that the account centre's and organizations' lib functions
// answer with, read from the functions themselves: a change to their words
// that the catalogue (accountLib, orgsLib) misses leaves them untranslated,
// and fails here.
const messagesOf = (result: Result<unknown> | Failure): string[] =>
  result.ok ? [] : [result.formError, ...Object.values(result.fieldErrors ?? {}).flat()].filter((m): m is string => Boolean(m));

const libTexts = [
  INVITATION_NO_LONGER_VALID, TYPE_THE_NAME, ADMIN_CANNOT_TOUCH_OWNER, CANNOT_GRANT, INVITATION_NOT_FOUND, MEMBER_NOT_FOUND, ORG_NOT_FOUND,
  LAST_OWNER_DEMOTE, LAST_OWNER_LEAVE, NOT_REVOCABLE, NOT_PENDING, ONLY_OWNER, REMOVE_SELF, TRANSFER_TO_SELF, SLUG_TAKEN, IDENTITY_GONE,
  ...ORG_ACTIONS.flatMap((action) => messagesOf(refused(action))),
  ...messagesOf(parseInviteAddresses("")),
  ...messagesOf(parseInviteAddresses("not-an-address")),
  ...messagesOf(parseInviteAddresses("one@, two@")),
  ...messagesOf(parseOrgName("")),
  ...messagesOf(parseOrgName("x".repeat(200))),
  ...messagesOf(parseOrgSlug("")),
  ...messagesOf(parseOrgSlug("A!")),
  ...messagesOf(parseOrgSlug("ab")),
  ...messagesOf(parseOrgSlug("Bad Slug!")),
  ...messagesOf(parseOrgSlug([...RESERVED_SLUGS][0])),
  ...messagesOf(parseLogoUrl("http://example.test/logo.png")),
];

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("account and organization texts", () => {
  it("puts every lib message of the account centre and organizations into Japanese", () => {
    expect(libTexts.length).toBeGreaterThan(30);
    expect(libTexts.filter((text) => !japanese.test(translateText("ja", text)))).toEqual([]);
  });

  it("fills a message's values into the Japanese one", () => {
    expect(translateText("ja", messagesOf(parseOrgSlug("ab"))[0]!)).toBe("3〜40文字で入力してください。");
  });
});

describe("activity sentences", () => {
  it("reads the same in English as before the catalogue", () => {
    expect(describeEvent("sign_in", { method: "password", mfa: "totp" })).toBe("Signed in with a password and an authenticator app");
    expect(describeEvent("sign_in", { provider: "GitHub" })).toBe("Signed in with GitHub");
    expect(describeEvent("mfa_failed", { locked: true, lockMinutes: 15 })).toBe("Two-step verification failed and is locked for 15 minutes");
    expect(describeEvent("sessions_revoked", { count: 2 })).toBe("Signed out all other sessions (2)");
    expect(describeEvent("org_member_role_changed", { organization: "Acme", from: "member", role: "admin" })).toBe("Changed a member's role in Acme from member to admin");
    expect(describeEvent("org_created", { organization: "Acme", console: true })).toBe("Created the organization Acme from the admin console");
    expect(describeDevice("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36")).toBe("Chrome on macOS");
    expect(describeDevice(null)).toBe("Unknown browser");
  });

  it("has words for every event in Japanese", () => {
    const untranslated = AUDIT_TYPES.filter((type) => !japanese.test(describeEvent(type, { organization: "Acme", role: "member", method: "password" }, "ja")));
    expect(untranslated).toEqual([]);
    expect(describeEvent("sign_in", { method: "password", mfa: "totp" }, "ja")).toBe("パスワードと認証アプリでサインイン");
    expect(describeDevice(null, "ja")).toBe("不明なブラウザ");
  });
});

describe("an invitation closed meanwhile (Accept on /orgs)", () => {
  it("is told from its parts: the same English, and Japanese without a nested English part", () => {
    for (const status of ["expired", "revoked", "accepted", "declined"] as const) {
      for (const inviter of ["Ask Bob", null]) {
        const failure = invitationGone(status, "Acme has expired.", inviter);
        const parts = goneParts(failure)!;
        expect(goneMessage(translator("en", "invite"), parts)).toBe(failure.formError);
        const japanese = goneMessage(translator("ja", "invite"), parts);
        expect(japanese.replaceAll("Acme has expired.", "").replaceAll("Ask Bob", "")).not.toMatch(/[A-Za-z]{3}/);
      }
    }
    expect(goneParts({ ok: false, code: "gone", formError: "x" })).toBeNull();
  });
});
