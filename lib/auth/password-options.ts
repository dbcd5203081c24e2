import type { Algorithm, Options, Version } from "@node-rs/argon2";

// Apart from ./password.ts (server-only) so the bench can time one bare verify with the same parameters.

/**
 * Argon2id with the OWASP baseline: 19 MiB memory, 2 passes, 1 lane.
 *
 * `Algorithm` and `Version` are `const enum`s in @node-rs/argon2's typings and
 * the runtime objects are empty, so `Algorithm.Argon2id` cannot be used as a
 * value (and `isolatedModules` forbids it). The numeric values are spelled
 * out instead: Argon2id = 2, V0x13 (v=19) = 1.
 */
const ARGON2ID = 2 as Algorithm;
const V0X13 = 1 as Version;

export const HASH_OPTIONS = {
  algorithm: ARGON2ID,
  version: V0X13,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const satisfies Options;
