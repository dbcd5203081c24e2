import { describe, expect, it } from "vitest";
import { z } from "zod";
import { limitParam, noBody, parseInput, queryObject, text } from "./input";

describe("a JSON route's input, checked with zod", () => {
  const schema = z.strictObject({ name: text(5), tags: z.array(text(3)).optional() });

  it("passes a valid value through as the schema outputs it", () => {
    expect(parseInput(schema, { name: "Ada" })).toEqual({ ok: true, value: { name: "Ada" } });
    expect(parseInput(z.object({ limit: limitParam(50, 200) }), queryObject("http://x.test/a?limit=7&limit=9"))).toEqual({ ok: true, value: { limit: 7 } });
    expect(parseInput(z.object({ limit: limitParam(50, 200) }), {})).toEqual({ ok: true, value: { limit: 50 } });
  });

  it("names every wrong field at once, nested ones on their top field", () => {
    expect(parseInput(schema, { name: 1, tags: ["ok", "toolong"] })).toEqual({
      ok: false, code: "invalid_input", fieldErrors: { name: ["Must be a string."], tags: ["Use at most 3 characters."] },
    });
  });

  it("refuses unknown fields as a whole-request error, so a typo is not silently ignored", () => {
    const refused = parseInput(noBody, { extra: true });
    expect(refused).toMatchObject({ ok: false, code: "invalid_input", formError: expect.stringContaining('"extra"') });
    expect(parseInput(noBody, {})).toEqual({ ok: true, value: {} });
  });

  it("bounds ?limit= to whole numbers in range", () => {
    const limit = z.object({ limit: limitParam(50, 200) });
    for (const bad of ["0", "201", "1.5", "ten"]) expect(parseInput(limit, { limit: bad })).toMatchObject({ ok: false, fieldErrors: { limit: [expect.any(String)] } });
  });
});
