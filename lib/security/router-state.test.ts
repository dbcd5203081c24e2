import { describe, expect, it } from "vitest";
import { malformedRouterState } from "./router-state";

const state = (value?: string) => malformedRouterState(value);

describe("malformedRouterState", () => {
  it("lets requests without the header, or with the encoded array Next writes, through", () => {
    expect(state()).toBeNull();
    expect(state(encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }, null, null, true])))).toBeNull();
  });

  it("refuses what Next cannot parse", () => {
    for (const bad of ["[[[", "smtp", "", "%zz", "{}", "1e309", "null"]) expect(state(bad), bad).toMatch(/not valid/);
  });
});
