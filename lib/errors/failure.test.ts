import { describe, expect, it } from "vitest";
import { combineFieldFailures, failField, failWith } from "./failure";

describe("combineFieldFailures", () => {
  it("is null when every check passed", () => {
    expect(combineFieldFailures([{ ok: true }, { ok: true }])).toBeNull();
  });

  it("returns a single failure as it is", () => {
    const email = failField("email", "Enter a valid email address.");
    expect(combineFieldFailures([email, { ok: true }])).toBe(email);
  });

  it("puts every field's errors into one failure, so the form shows them together", () => {
    const combined = combineFieldFailures([
      failField("email", "Enter a valid email address."),
      { ok: true },
      failField("password", "Use at least 12 characters."),
    ]);
    expect(combined).toEqual({
      ok: false,
      code: "invalid_input",
      fieldErrors: { email: ["Enter a valid email address."], password: ["Use at least 12 characters."] },
    });
  });

  it("keeps the first failure's code and every form error", () => {
    const combined = combineFieldFailures([failWith("forbidden", "Not now."), failField("name", "Too long.")]);
    expect(combined).toMatchObject({ code: "forbidden", formError: "Not now.", fieldErrors: { name: ["Too long."] } });
  });
});
