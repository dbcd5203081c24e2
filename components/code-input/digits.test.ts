import { describe, expect, it } from "vitest";
import { boxesOf, digitsOf, placeDigits, typedText } from "./digits";

const empty = ["", "", "", "", "", ""];

describe("digitsOf", () => {
  it.each([
    ["123456", "123456"],
    [" 123 456 ", "123456"],
    ["123-456", "123456"],
    ["123\u00a0456", "123456"],
    ["Your code: 123456.", "123456"],
    ["12345678", "123456"],
    ["abc", ""],
    ["", ""],
  ])("%j → %j", (text, digits) => expect(digitsOf(text)).toBe(digits));
});

describe("placeDigits", () => {
  it("puts a whole pasted code in every box, whichever box it was pasted into", () => {
    expect(placeDigits(empty, 3, " 123 456 ")).toEqual({ boxes: ["1", "2", "3", "4", "5", "6"], focus: 5 });
  });

  it("puts one typed digit in its box and moves on", () => {
    expect(placeDigits(empty, 0, "7")).toEqual({ boxes: ["7", "", "", "", "", ""], focus: 1 });
  });

  it("fills a short run from the box it arrived in, never past the last box", () => {
    expect(placeDigits(["1", "2", "", "", "", ""], 4, "987")).toEqual({ boxes: ["1", "2", "", "", "9", "8"], focus: 5 });
  });

  it("ignores text without digits", () => {
    expect(placeDigits(["1", "", "", "", "", ""], 1, "x")).toEqual({ boxes: ["1", "", "", "", "", ""], focus: 1 });
  });
});

describe("boxesOf", () => {
  it("spreads a kept code over the boxes and leaves the rest empty", () => {
    expect(boxesOf("1234")).toEqual(["1", "2", "3", "4", "", ""]);
    expect(boxesOf("")).toEqual(empty);
  });
});

describe("typedText", () => {
  it.each([
    ["3", "37", "7"],
    ["3", "73", "7"],
    ["3", "33", "3"],
    ["", "7", "7"],
    ["3", "123456", "123456"],
  ])("a box holding %j that now reads %j brought %j", (old, value, typed) => expect(typedText(old, value)).toBe(typed));
});
