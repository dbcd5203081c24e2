import "server-only";
import { createCipheriv, createHash, createHmac, hkdfSync, randomBytes, randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { env, secureCookies } from "@/lib/env";
import { SESSION_MAX_AGE_SECONDS, type SessionRef } from "./session";

/**
 * next-auth's session cookie, written here for a session row our own code
 * has just activated. next-auth's signIn() would do the same by building a
 * Request to its credentials callback and running its whole core (body
 * parsing, CSRF and callback-URL cookies, provider look-up) around the one
 * step that matters: about 1.5 ms of CPU on every sign-in, the largest part
 * of "verify a code" after the framework itself (issue 9's profile). The
 * cookie is the one next-auth writes: same name, same claims as its jwt
 * callback gives a ticket sign-in (`sub`, `sid`), same flags and lifetime,
 * same encryption; next-auth reads it back with its own `decode`
 * (./session-cookie.test.ts), and e2e signs in through it everywhere.
 */
export const SESSION_COOKIE = `${secureCookies ? "__Secure-" : ""}authjs.session-token`;


/** The claims every session cookie carries: next-auth's `sub`, and the session row the cookie stands for. */
export const sessionClaims = (session: SessionRef) => ({ sub: session.userId, sid: session.sessionId });

/*
 * The encryption is Auth.js's `encode` (@auth/core/jwt): a compact JWE,
 * "dir" + A256CBC-HS512 (RFC 7518 §5.2), under a 64-byte key derived with
 * HKDF-SHA256 from the secret, salted with the cookie's name, its SHA-512
 * JWK thumbprint (RFC 7638) as `kid`. Auth.js derives the key and computes
 * the thumbprint again on every call and encrypts through WebCrypto, four
 * hops to the thread pool and back: half a millisecond a sign-in. The key
 * never changes while the process runs, and node:crypto does the rest
 * synchronously in microseconds.
 */
const ENC = "A256CBC-HS512";
let derived: { macKey: Buffer; encKey: Buffer; header: string } | undefined;

function sessionKey() {
  if (derived) return derived;
  const key = Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, SESSION_COOKIE, `Auth.js Generated Encryption Key (${SESSION_COOKIE})`, 64));
  const kid = createHash("sha512").update(`{"k":"${key.toString("base64url")}","kty":"oct"}`).digest("base64url");
  // §5.2.2.1: the first half of the key authenticates, the second encrypts.
  derived = { macKey: key.subarray(0, 32), encKey: key.subarray(32), header: Buffer.from(JSON.stringify({ alg: "dir", enc: ENC, kid })).toString("base64url") };
  return derived;
}

/** The cookie's value: the claims, with next-auth's iat, exp and jti, encrypted as next-auth encrypts them. */
export function sessionCookieValue(session: SessionRef): string {
  const { macKey, encKey, header } = sessionKey();
  const iat = Math.floor(Date.now() / 1000);
  const payload = { ...sessionClaims(session), iat, exp: iat + SESSION_MAX_AGE_SECONDS, jti: randomUUID() };
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-cbc", encKey, iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final()]);
  // §5.2.2.1: the tag is the first half of HMAC-SHA-512 over AAD ‖ IV ‖ ciphertext ‖ AAD length in bits (64-bit big-endian); the AAD is the encoded header.
  const aadBits = Buffer.alloc(8);
  aadBits.writeBigUInt64BE(BigInt(Buffer.byteLength(header, "ascii") * 8));
  const tag = createHmac("sha512", macKey).update(header, "ascii").update(iv).update(ciphertext).update(aadBits).digest().subarray(0, 32);
  return `${header}..${iv.toString("base64url")}.${ciphertext.toString("base64url")}.${tag.toString("base64url")}`;
}

const FLAGS = { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies } as const;

export async function setSessionCookie(session: SessionRef): Promise<void> {
  const jar = await cookies();
  // next-auth splits a session over SESSION_COOKIE.0, .1, … when it is too
  // big for one cookie, and reads every cookie starting with the name as a
  // part: leftovers would corrupt this one, so they go, as next-auth's own
  // sign-in removes them (with the same flags: a browser ignores a
  // __Secure- cookie, even an expired one, set without Secure).
  for (const { name } of jar.getAll()) if (name !== SESSION_COOKIE && name.startsWith(SESSION_COOKIE)) jar.set(name, "", { ...FLAGS, maxAge: 0 });
  jar.set(SESSION_COOKIE, sessionCookieValue(session), { ...FLAGS, expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) });
}
