import { describe, expect, it } from "vitest";
import { malformedRouterState } from "./router-state";

const state = (value?: string) => malformedRouterState(value);

describe("malformedRouterState", () => {
  it("lets requests without the header, or with the encoded array Next writes, through", () => {
    expect(state()).toBeNull();
    expect(state(encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }, null, null, 1])))).toBeNull();
    expect(state(encodeURIComponent(JSON.stringify(["", { children: [["slug", "acme", "d", null], {}] }])))).toBeNull();
  });

  it("refuses what Next cannot parse", () => {
    for (const bad of ["[[[", "smtp", "", "%zz", "{}", "1e309", "null", "%5B%22%22%5D", '["",{"children":[1,{}]}]', '["",{},null,"nonsense"]'])
      expect(state(bad), bad).toMatch(/not valid/);
  });
});
