import { describe, expect, it } from "vitest";
import { isPlainMultipart } from "./multipart-shape";

/**
 * The quick shape check may only say "fine" about bodies the full parse
 * (undici's FormData, what Next.js runs) accepts: anything else goes to
 * that parse. Checked on what fetch and browsers send, and on thousands of
 * seeded mutations of them.
 */
async function serialized(form: FormData): Promise<{ type: string; body: Uint8Array }> {
  const request = new Request("http://app.test/", { method: "POST", body: form });
  return { type: request.headers.get("content-type")!, body: new Uint8Array(await request.arrayBuffer()) };
}

const parses = (type: string, body: Uint8Array) =>
  new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData().then(() => true, () => false);

const encode = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));

// What Chromium sends for a sign-in form with an empty file input.
const BROWSER_TYPE = "multipart/form-data; boundary=----WebKitFormBoundaryx8H2kPq3ZrT9mLwA";
const BROWSER_BODY = [
  "------WebKitFormBoundaryx8H2kPq3ZrT9mLwA",
  'Content-Disposition: form-data; name="$ACTION_ID_7f3a"',
  "",
  "",
  "------WebKitFormBoundaryx8H2kPq3ZrT9mLwA",
  'Content-Disposition: form-data; name="email"',
  "",
  "ada@example.com",
  "------WebKitFormBoundaryx8H2kPq3ZrT9mLwA",
  'Content-Disposition: form-data; name="logo"; filename=""',
  "Content-Type: application/octet-stream",
  "",
  "",
  "------WebKitFormBoundaryx8H2kPq3ZrT9mLwA--",
  "",
].join("\r\n");

async function samples(): Promise<{ type: string; body: Uint8Array }[]> {
  const plain = new FormData();
  plain.set("$ACTION_ID_abc", "");
  plain.set("email", "ada@example.com");
  plain.set("next", "");
  const rich = new FormData();
  rich.set("name", "Zoë \"Z\" 山田\r\nsecond line");
  rich.set("empty", "");
  rich.set("file", new File([new Uint8Array([0, 1, 2, 13, 10, 65, 255])], "a b.png", { type: "image/png" }));
  return [await serialized(plain), await serialized(rich), { type: BROWSER_TYPE, body: encode(BROWSER_BODY) }];
}

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state % n;
  };
}

const PIECES = ["\r\n", "\r", "\n", '"', "--", ";", ":", " ", "\0", "é", "Content-Type: x", 'name="', "filename=\"x\"", ""];

function mutate(body: Uint8Array, boundary: string, next: (n: number) => number): Uint8Array {
  const text = Buffer.from(body).toString("latin1");
  const at = next(text.length + 1);
  const pieces = [...PIECES, `--${boundary}`, `\r\n--${boundary}\r\n`, `--${boundary}--`];
  switch (next(4)) {
    case 0: // insert
      return encode(text.slice(0, at) + pieces[next(pieces.length)]! + text.slice(at));
    case 1: // delete a run
      return encode(text.slice(0, at) + text.slice(at + 1 + next(8)));
    case 2: // flip a byte
      return encode(text.slice(0, at) + String.fromCharCode(next(256)) + text.slice(at + 1));
    default: // cut
      return encode(text.slice(0, at));
  }
}

describe("isPlainMultipart", () => {
  it("recognises what fetch's FormData and browsers send, all of which parse", async () => {
    for (const { type, body } of await samples()) {
      expect(isPlainMultipart(type, body), type).toBe(true);
      expect(await parses(type, body)).toBe(true);
    }
  });

  it("leaves anything else to the full parse", () => {
    const type = BROWSER_TYPE;
    expect(isPlainMultipart(type, encode("garbage"))).toBe(false);
    expect(isPlainMultipart(type, encode(BROWSER_BODY.replace("--\r\n", "\r\n")))).toBe(false);
    expect(isPlainMultipart(type, encode(BROWSER_BODY.replace('name="email"', "name=email")))).toBe(false);
    expect(isPlainMultipart(type, encode(BROWSER_BODY.replace("Content-Disposition: form-data; ", "Content-Disposition: attachment; ")))).toBe(false);
    expect(isPlainMultipart("multipart/form-data", encode(BROWSER_BODY))).toBe(false);
    expect(isPlainMultipart("multipart/form-data; boundary=other", encode(BROWSER_BODY))).toBe(false);
  });

  it("says fine only about bodies the full parse accepts, over 9,000 seeded mutations", async () => {
    const next = random(20261207);
    let recognised = 0;
    for (const { type, body } of await samples()) {
      const boundary = /boundary=(.+)$/.exec(type)![1]!;
      for (let i = 0; i < 3000; i++) {
        let mutated = body;
        for (let k = 1 + next(3); k > 0; k--) mutated = mutate(mutated, boundary, next);
        if (!isPlainMultipart(type, mutated)) continue;
        recognised += 1;
        expect(await parses(type, mutated), JSON.stringify(Buffer.from(mutated).toString("latin1"))).toBe(true);
      }
    }
    // Many mutations keep the shape (a changed value): the check is not just saying no to everything.
    expect(recognised).toBeGreaterThan(1000);
  });
});
