import { describe, expect, it } from "vitest";
import { clientHeaderValue, createFrontDoorToken, hasFrontDoor, readClientHeader } from "./client-header";

describe("the front door's client header", () => {
  it("is ignored without the front door, and a forged one is ignored with it", () => {
    // Plain `next start`: no token in this process, so nothing a client sends counts.
    expect(hasFrontDoor()).toBe(false);
    expect(readClientHeader("anything 203.0.113.9")).toBeNull();

    const token = createFrontDoorToken();
    expect(createFrontDoorToken()).toBe(token);
    expect(readClientHeader(clientHeaderValue(token, "198.51.100.7"))).toBe("198.51.100.7");
    expect(readClientHeader("anything 203.0.113.9")).toBeNull();
    expect(readClientHeader(clientHeaderValue(`${token.slice(0, -1)}x`, "203.0.113.9"))).toBeNull();
    expect(readClientHeader(token)).toBeNull();
    expect(readClientHeader(null)).toBeNull();
  });
});
