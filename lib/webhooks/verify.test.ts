import { describe, expect, it } from "vitest";
import { sendGridMessageId } from "./sendgrid";
import { dateOf, isFresh, safeEqual, textOf } from "./verify";

describe("the shared webhook checks", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  const seconds = now.getTime() / 1000;

  it("takes timestamps within five minutes either way, and nothing else", () => {
    expect(isFresh(String(seconds - 300), now)).toBe(true);
    expect(isFresh(seconds + 300, now)).toBe(true);
    expect(isFresh(String(seconds - 301), now)).toBe(false);
    expect(isFresh(seconds + 301, now)).toBe(false);
    for (const garbage of ["", " ", "1e9", "-1", "0x10", "1767225600.5", null, undefined, Number.NaN]) expect(isFresh(garbage, now), String(garbage)).toBe(false);
  });

  it("compares secrets of any lengths", () => {
    expect(safeEqual("secret", "secret")).toBe(true);
    expect(safeEqual("secret", "secreT")).toBe(false);
    expect(safeEqual("secret", "secret2")).toBe(false);
    expect(safeEqual("", "secret")).toBe(false);
  });

  it("reads fields leniently: numbers as text, bad dates as the fallback", () => {
    expect(textOf(4323372036)).toBe("4323372036");
    expect(textOf("  ")).toBeNull();
    expect(textOf({})).toBeNull();
    expect(dateOf(1_767_225_600, now).toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(dateOf("not a date", now)).toBe(now);
  });
});

describe("SendGrid's message ids", () => {
  it("are the X-Message-Id our connector stored, in the old and the new format", () => {
    expect(sendGridMessageId("14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0")).toBe("14c5d75ce93.dfd.64b469");
    expect(sendGridMessageId("W86EgYT6SQKk0lRflfLRsA.filterdrecv-5bd6dfb8b9-lg5tv-1-5F5A5C2E-1B.0")).toBe("W86EgYT6SQKk0lRflfLRsA");
    expect(sendGridMessageId("W86EgYT6SQKk0lRflfLRsA.recvd-1.0")).toBe("W86EgYT6SQKk0lRflfLRsA");
    expect(sendGridMessageId(undefined)).toBeNull();
  });
});
