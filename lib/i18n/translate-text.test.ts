import { describe, expect, it } from "vitest";
import { UNREADABLE_FORM } from "@/lib/action";
import { EMPTY_EMAIL_MESSAGE, INVALID_EMAIL_MESSAGE } from "@/lib/auth/email";
import { checkPasswordPolicy } from "@/lib/auth/password";
import { FLOW_EXPIRED } from "@/lib/auth/resend-code";
import { WRONG_CREDENTIALS } from "@/lib/auth/sign-in";
import { SIGN_UP_BY_INVITATION } from "@/lib/auth/sign-up";
import { ERROR_CODES, userText } from "@/lib/errors/codes";
import { CODE_DEAD, verifyFailureMessage } from "@/lib/otp/messages";
import { translateState, translateText } from "./translate-text";

// The English the auth pages' lib functions answer with, read from the
// functions themselves: a change to their words that the catalogue misses
// leaves them untranslated, and fails here.
const libTexts = [WRONG_CREDENTIALS, FLOW_EXPIRED, SIGN_UP_BY_INVITATION, EMPTY_EMAIL_MESSAGE, INVALID_EMAIL_MESSAGE, CODE_DEAD, UNREADABLE_FORM];

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("translateText", () => {
  it("puts every error code's words into Japanese", () => {
    expect(ERROR_CODES.filter((code) => !japanese.test(translateText("ja", userText(code))))).toEqual([]);
  });

  it("puts the auth pages' own lib messages into Japanese", () => {
    expect(libTexts.filter((text) => !japanese.test(translateText("ja", text)))).toEqual([]);
  });

  it("fills the numbers of a message into the Japanese one", () => {
    expect(translateText("ja", verifyFailureMessage({ ok: false, reason: "wrong", attemptsLeft: 3, lockStarted: false }))).toBe("確認コードが正しくありません。あと3回入力できます。");
    expect(translateText("ja", verifyFailureMessage({ ok: false, reason: "wrong", attemptsLeft: 1, lockStarted: false }))).toBe("確認コードが正しくありません。あと1回入力できます。");
    const policy = checkPasswordPolicy("short", { minLength: 12 });
    expect(policy.ok ? null : translateText("ja", policy.message)).toBe("12文字以上で入力してください。");
  });

  it("leaves English alone, and text it does not know as it is", () => {
    expect(translateText("en", WRONG_CREDENTIALS)).toBe(WRONG_CREDENTIALS);
    expect(translateText("ja", "Something no catalogue has.")).toBe("Something no catalogue has.");
    // Anchored: a known message inside a longer text is not swapped piecemeal.
    expect(translateText("ja", `${WRONG_CREDENTIALS} And more.`)).toBe(`${WRONG_CREDENTIALS} And more.`);
  });
});

describe("translateState", () => {
  it("translates a form's error, field errors and message, and keeps its values", () => {
    const state = { status: "error", formError: WRONG_CREDENTIALS, fieldErrors: { email: [INVALID_EMAIL_MESSAGE] }, values: { email: "Sign in first." } };
    expect(translateState("ja", state)).toEqual({
      status: "error",
      formError: "メールアドレスまたはパスワードが正しくありません。",
      fieldErrors: { email: ["有効なメールアドレスを入力してください（例: name@example.com）。"] },
      values: { email: "Sign in first." },
    });
    expect(translateState("ja", { status: "ok", message: "We sent a new code." })).toEqual({ status: "ok", message: "新しい確認コードを送信しました。" });
  });
});
