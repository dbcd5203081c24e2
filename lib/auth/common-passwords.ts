// Source: the 10,000 highest-ranked entries of the `passwords` frequency list
// from the zxcvbn project (Dropbox, MIT licence; zxcvbn@4.4.2, lib/frequency_lists.js).
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The list lives next to this module as plain text (one lowercase password
 * per line, most common first).
 *
 * Why `process.cwd()` rather than `new URL("./common-passwords.txt",
 * import.meta.url)`: in a Next.js server build this module is bundled into a
 * chunk under `.next/server/`, so `import.meta.url` no longer points at
 * `lib/auth/`, and the bundler may rewrite the `new URL(...)` pattern into a
 * static-asset reference. `next dev`, `next build`/`next start`, vitest and
 * the scripts all run with the project root as the working directory, so a
 * cwd-relative path resolves to the same file everywhere. (If the app is ever
 * deployed with `output: "standalone"`, add this file to
 * `outputFileTracingIncludes` so it is copied alongside the server.)
 */
export const COMMON_PASSWORDS_PATH = path.join(process.cwd(), "lib/auth/common-passwords.txt");

let cache: ReadonlySet<string> | undefined;

/** The list as a Set, read from disk on first use and kept for the process lifetime. */
export function getCommonPasswords(): ReadonlySet<string> {
  if (!cache) {
    const text = readFileSync(COMMON_PASSWORDS_PATH, "utf8");
    const entries = new Set<string>();
    for (const line of text.split(/\r?\n/)) {
      const entry = line.trim().toLowerCase();
      if (entry) entries.add(entry);
    }
    cache = entries;
  }
  return cache;
}

/** True when the password (compared case-insensitively) is on the list. */
export function isCommonPassword(password: string): boolean {
  return getCommonPasswords().has(password.normalize("NFC").toLowerCase());
}
