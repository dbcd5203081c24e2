import { describe, expect, it } from "vitest";
import { keepsAWayIn } from "./sign-in-methods";

describe("the last-method rule", () => {
  it("refuses exactly one of the eight combinations: no password, no other usable sign-in, email codes off", () => {
    const cases = [false, true].flatMap((hasPassword) =>
      [0, 1].flatMap((otherUsableIdentities) => [false, true].map((emailCodeSignIn) => ({ hasPassword, otherUsableIdentities, emailCodeSignIn }))),
    );
    expect(cases).toHaveLength(8);
    expect(cases.filter((left) => !keepsAWayIn(left))).toEqual([{ hasPassword: false, otherUsableIdentities: 0, emailCodeSignIn: false }]);
  });
});
