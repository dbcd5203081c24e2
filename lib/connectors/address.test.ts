import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { checkSender, mailboxText, parseMailbox, sanitizeHeaderText } from "./address";
import { mailboxText as sesMailboxText } from "./ses/index";

/**
 * Display names and subjects carrying RFC 2047 encoded words, judged by an
 * independent decoder (mailparser, as a mail client reads the header) rather
 * than by our own: what the reader sees must never hold a line break.
 */
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const ATTACKS: [string, string][] = [
  ["a B word hiding CRLF + Bcc", `=?UTF-8?B?${b64("Eve\r\nBcc: x@y.test")}?=`],
  ["a Q word hiding CRLF + Bcc", "=?utf-8?q?Eve=0D=0ABcc:_x@y.test?="],
  ["an encoded word inside an encoded word", `=?UTF-8?B?${b64(`=?UTF-8?B?${b64("Eve\r\nBcc: x@y.test")}?=`)}?=`],
  ["a line break split over two adjacent words", `=?UTF-8?B?${b64("Eve\r")}?= =?UTF-8?B?${b64("\nBcc: x@y.test")}?=`],
  ["a Unicode line separator", `=?UTF-8?B?${b64("Eve\u2028Bcc: x@y.test")}?=`],
  ["a language tag (RFC 2231)", `=?UTF-8*en?Q?Eve=0ABcc:_x@y.test?=`],
  ["a NUL and a tab", `=?ISO-8859-1?Q?Eve=00=09Bcc:_x@y.test?=`],
];

/** How a mail client shows the From header `value`: mailparser's decoding, not ours. */
async function displayedName(value: string): Promise<string> {
  const parsed = await simpleParser(`From: ${value}\r\nTo: ada@example.test\r\nSubject: hi\r\n\r\nbody\r\n`);
  const from = Array.isArray(parsed.from) ? parsed.from[0] : parsed.from;
  expect(parsed.headers.has("bcc")).toBe(false);
  return from?.value[0]?.name ?? "";
}

describe("encoded words in display names", () => {
  it.each(ATTACKS)("%s: the decoded name stays on one line", async (_name, attack) => {
    const sender = checkSender({ name: attack, address: "eve@acme.test" });
    expect(sender.name).toMatch(/^Eve\s?Bcc: x@y\.test$/);
    for (const header of [mailboxText(sender), sesMailboxText(sender)]) {
      const shown = await displayedName(header);
      expect(shown).not.toMatch(/[\r\n\u0000\u2028\u2029]/);
      expect(shown).toMatch(/^Eve\s?Bcc: x@y\.test$/);
    }
  });

  it("EMAIL_FROM and the console's sender name go through the same decoding", () => {
    expect(parseMailbox(`${ATTACKS[0]![1]} <no-reply@acme.test>`)).toEqual({ name: "Eve Bcc: x@y.test", address: "no-reply@acme.test" });
    expect(parseMailbox(`"${ATTACKS[1]![1]}" <no-reply@acme.test>`)).toEqual({ name: "Eve Bcc: x@y.test", address: "no-reply@acme.test" });
  });

  it("an honest encoded name is decoded to what it says, a character split over two words included", async () => {
    const bytes = Buffer.from("École", "utf8");
    const split = `=?UTF-8?B?${bytes.subarray(0, 1).toString("base64")}?= =?UTF-8?B?${bytes.subarray(1).toString("base64")}?=`;
    expect(sanitizeHeaderText(split)).toBe("École");
    expect(sanitizeHeaderText("=?ISO-8859-1?Q?Caf=E9_Acme?=")).toBe("Café Acme");
    expect(await displayedName(sesMailboxText({ name: sanitizeHeaderText(split), address: "a@acme.test" }))).toBe("École");
  });

  it("what cannot be decoded is neutralised: nothing left that a client could still decode", async () => {
    const unknown = sanitizeHeaderText(`=?x-no-such-charset?B?${b64("Eve\r\nBcc: x@y.test")}?=`);
    expect(unknown).toBe("\uFFFD");
    const broken = sanitizeHeaderText("Eve =?UTF-8?B?RXZl");
    expect(broken).toBe("Eve = ?UTF-8?B?RXZl");
    expect(await displayedName(mailboxText({ name: broken, address: "eve@acme.test" }))).toBe(broken);
  });

  it("subjects are decoded and cleaned the same way", () => {
    expect(sanitizeHeaderText(`Your code =?UTF-8?B?${b64("\r\nBcc: x@y.test")}?=`)).toBe("Your code Bcc: x@y.test");
    expect(sanitizeHeaderText("Plain subject, 100% = fine?")).toBe("Plain subject, 100% = fine?");
  });
});
