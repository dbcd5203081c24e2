/**
 * The fuzz run's randomness: one seeded generator (mulberry32), so a seed
 * printed by a failing run replays exactly the same cases.
 */
export type Random = {
  next(): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  hex(length: number): string;
};

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return {
    next,
    int,
    pick: (items) => items[int(items.length)]!,
    chance: (p) => next() < p,
    hex: (length) => Array.from({ length }, () => "0123456789abcdef"[int(16)]).join(""),
  };
}

/** Values a form field, a query parameter or a cookie might carry, from plausible to hostile. */
const JUNK: readonly ((r: Random) => string)[] = [
  () => "",
  () => " ",
  () => "null",
  () => "undefined",
  () => "[object Object]",
  () => "0",
  () => "-1",
  () => "1e309",
  () => "999999999999999_abc",
  () => "999999999999999_00000000-0000-0000-0000-000000000000",
  () => "0_a",
  (r) => `${r.int(10 ** 15)}_${r.hex(24)}`,
  () => "a@b",
  (r) => `fuzz-${r.hex(8)}@example.com`,
  () => "ADMIN@EXAMPLE.COM ",
  () => "123456",
  () => "12345678901234567890",
  () => "correct horse battery staple",
  () => "ü😀\u202e\u0000\u0007",
  () => "%",
  () => "%ff%fe",
  () => "<script>alert(1)</script>",
  () => "' OR 1=1 --",
  () => "../../etc/passwd",
  () => "//evil.example/",
  () => "/\\evil.example",
  () => "javascript:alert(1)",
  () => "https://evil.example/callback",
  () => "http://127.0.0.1:1/",
  () => "on",
  () => "totp",
  () => "email",
  () => "save",
  () => "smtp",
  () => '{"status":"idle"}',
  () => "$K1",
  () => "$@0",
  () => "$Q1",
  (r) => "x".repeat(r.pick([256, 4096, 70_000])),
  (r) => Array.from({ length: r.int(40) + 1 }, () => String.fromCharCode(32 + r.int(95))).join(""),
  (r) => r.hex(r.pick([8, 32, 64, 200])),
  (r) => `${r.hex(20)}.${r.hex(40)}.${r.hex(8)}.${r.hex(30)}.${r.hex(10)}`,
];

export const junk = (r: Random): string => r.pick(JUNK)(r);
