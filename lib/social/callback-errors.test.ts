import { describe, expect, it } from "vitest";
import { callbackErrorReason } from "./callback-errors";

/** Errors shaped as @auth/core 0.41 and oauth4webapi make them (AuthError keeps the original under cause.err). */
const authError = (type: string, cause?: unknown) => Object.assign(new Error(`Read more at https://errors.authjs.dev#${type.toLowerCase()}`), { type, cause });
const q = (query: string) => new URLSearchParams(query);

describe("callbackErrorReason", () => {
  it("reads the provider's own answer first: a denied consent, or another error", () => {
    expect(callbackErrorReason(q("error=access_denied&state=x"), authError("OAuthCallbackError"))).toBe("denied");
    expect(callbackErrorReason(q("error=server_error"), authError("OAuthCallbackError"))).toBe("provider");
  });

  it("calls a failed state, nonce or PKCE check a bad state", () => {
    expect(callbackErrorReason(q("code=c&state=tampered"), authError("CallbackRouteError", { err: new Error('unexpected "state" response parameter value') }))).toBe("state");
    expect(callbackErrorReason(q("code=c&state=s"), authError("InvalidCheck"))).toBe("state");
    expect(callbackErrorReason(q("code=c&state=s"), authError("CallbackRouteError", { err: authError("InvalidCheck") }))).toBe("state");
  });

  it("tells an unreachable provider from anything else", () => {
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    expect(callbackErrorReason(q("code=c&state=s"), authError("CallbackRouteError", { err: refused }))).toBe("unreachable");
    expect(callbackErrorReason(q("code=c&state=s"), authError("CallbackRouteError", { err: new Error("boom") }))).toBe("failed");
    expect(callbackErrorReason(q(""), undefined)).toBe("failed");
  });
});
