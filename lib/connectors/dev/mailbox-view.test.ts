import { describe, expect, it } from "vitest";
import { codeOf } from "./mailbox-view";

describe("codeOf", () => {
  it("reads the code from a code email's subject, in either language", () => {
    expect(codeOf({ subject: "482913 is your Mailgate sign-in code" }, "SignIn")).toBe("482913");
    expect(codeOf({ subject: "482913 は Mailgate のサインインコードです" }, "SignIn")).toBe("482913");
  });

  it("falls back to the text, and takes a spaced code as digits", () => {
    expect(codeOf({ subject: "Your code", text: "Enter 482 913 within 10 minutes." }, "Register")).toBe("482913");
  });

  it("finds none in a notice, nor where there is no 6-digit code", () => {
    expect(codeOf({ subject: "Your password was changed", text: "At 123456 UTC" }, "PasswordChanged")).toBeNull();
    expect(codeOf({ subject: "Order 1234567 shipped", text: "Call 555-0100" }, undefined)).toBeNull();
  });

  it("still reads a code while the kind is not known yet", () => {
    expect(codeOf({ subject: "482913 is your Mailgate sign-in code" }, undefined)).toBe("482913");
  });
});
