/**
 * RFC 2047 `=?UTF-8?B?…?=` words of at most 75 characters, never splitting a character.
 * For provider APIs that take header text as is and require ASCII (SES, Aliyun DirectMail);
 * Node-only (Buffer), so it is kept out of the client-safe `address.ts`.
 */
export function encodeWords(text: string): string {
  const words: string[] = [];
  let chunk = "";
  for (const char of text) {
    // 45 bytes of UTF-8 → 60 base64 characters, + 12 for `=?UTF-8?B?` and `?=`: within 75.
    if (Buffer.byteLength(chunk + char, "utf8") > 45) {
      words.push(chunk);
      chunk = "";
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, "utf8").toString("base64")}?=`).join(" ");
}
