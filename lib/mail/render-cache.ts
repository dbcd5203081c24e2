import { createHash } from "node:crypto";
import { varsFor, type EmailKind, type ResolvedEmailProps } from "@/emails";
import type { Vars } from "@/emails/i18n";
import { renderFresh } from "./render-fresh";
import type { RenderedEmail } from "./render-input";

/**
 * Rendering through React costs milliseconds; filling values into markup
 * rendered once costs microseconds. An email is rendered once per kind and
 * everything that can shape its markup (locale, branding, appUrl, minutes,
 * factor: every prop not listed here), with a placeholder token for each
 * free-text value below, and filled per message. A free-text prop that is
 * not listed here still renders correctly, but lands in the key: one entry
 * per message, so add it here.
 */
const SLOTS = [
  "code", "to", "link", "provider", "newEmail", "organization", "inviter", "identityName", "identityEmail", "occurredAt", "device", "fromIp",
] as const satisfies readonly (keyof ResolvedEmailProps)[];

/** Compiled entries kept; one branding needs about 50 (kinds × locales × the few minutes and factors). */
export const MAX_ENTRIES = 128;

type Part = string | number;
type ValueOf = (props: ResolvedEmailProps, vars: Vars) => string;
type Compiled = { kind: EmailKind; subject: Part[]; html: Part[]; text: Part[]; values: ValueOf[] };

const TOKEN_CHAR = /[\ue000-\ue0ff\uf8ff]/;
// Two token sets of different lengths and letters (mixed case, so a case
// change is caught too): markup that changes between them depends on a value
// beyond where it is shown, e.g. padding or cutting text to a length. Both
// sides of the "@" differ, so a masked address (first character and domain
// kept) still differs.
const VARIANTS = [(slot: string) => `Mg@${slot}`, (slot: string) => `Qz${"w".repeat(24)}@${slot.toUpperCase()}${"w".repeat(24)}`];
const token = (index: number, slot: string, variant: number) =>
  `${String.fromCharCode(0xe000 + index)}${VARIANTS[variant]!(slot)}\uf8ff`;

/** What React does to text and attribute values (react-dom's escapeTextForBrowser). */
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const escapeHtml = (value: string) => value.replace(/["&'<>]/g, (c) => ESCAPES[c]!);

/**
 * The plain-text converter collapses these (html-to-text's whitespace), so a
 * value holding them reads differently in context: such a message renders fresh.
 */
const COLLAPSES = /[\t\n\f\r\u200b]|^ | $| {2}/;

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function split(source: string, placeholders: string[]): Part[] {
  if (placeholders.length === 0) return [source];
  const longestFirst = [...placeholders].sort((a, b) => b.length - a.length);
  const parts: Part[] = [];
  let last = 0;
  for (const match of source.matchAll(new RegExp(longestFirst.map(escapeRegExp).join("|"), "g"))) {
    parts.push(source.slice(last, match.index), placeholders.indexOf(match[0]));
    last = match.index + match[0].length;
  }
  parts.push(source.slice(last));
  return parts;
}

/** Renders with tokens; each placeholder is a token as passed or a word of the copy made from tokens (a masked address). */
async function renderWithTokens(kind: EmailKind, props: ResolvedEmailProps, variant: number) {
  const tokens = { ...props };
  SLOTS.forEach((slot, index) => {
    if (props[slot]) tokens[slot] = token(index, slot, variant);
  });
  const placeholders = new Map<string, ValueOf>();
  for (const slot of SLOTS) if (tokens[slot] !== props[slot]) placeholders.set(tokens[slot]!, (real) => real[slot] ?? "");
  for (const [name, word] of Object.entries(varsFor(kind, tokens)) as [keyof Vars, Vars[keyof Vars]][]) {
    if (typeof word === "string" && TOKEN_CHAR.test(word) && !placeholders.has(word)) placeholders.set(word, (_real, vars) => String(vars[name]));
  }
  const rendered = await renderFresh(kind, tokens);
  const names = [...placeholders.keys()];
  return {
    parts: { subject: split(rendered.subject, names), html: split(rendered.html, names), text: split(rendered.text, names) },
    values: [...placeholders.values()],
  };
}

/** Null when the markup depends on a value beyond substituting it (the template needs fixing; meanwhile it renders fresh). */
async function compile(kind: EmailKind, props: ResolvedEmailProps): Promise<Compiled | null> {
  const [a, b] = await Promise.all([renderWithTokens(kind, props, 0), renderWithTokens(kind, props, 1)]);
  const literals = Object.values(a.parts).flat().filter((part) => typeof part === "string");
  if (JSON.stringify(a.parts) !== JSON.stringify(b.parts) || literals.some((part) => TOKEN_CHAR.test(part))) {
    console.error(`mailgate: the ${kind} email's markup depends on a message's values; it is rendered afresh for every message`);
    return null;
  }
  return { kind, ...a.parts, values: a.values };
}

const join = (parts: Part[], values: string[]) => {
  let out = "";
  for (const part of parts) out += typeof part === "string" ? part : values[part];
  return out;
};

function fill(compiled: Compiled, props: ResolvedEmailProps): RenderedEmail | null {
  const vars = varsFor(compiled.kind, props);
  const raw = compiled.values.map((valueOf) => valueOf(props, vars));
  if (raw.some((value) => COLLAPSES.test(value))) return null;
  const escaped = raw.map(escapeHtml);
  return { subject: join(compiled.subject, raw), html: join(compiled.html, escaped), text: join(compiled.text, raw) };
}

/**
 * Every prop but the free-text values, and which of those are empty (an
 * empty one is rendered as is: it can change spacing, and a link's presence
 * adds a button). Branding, and any future template version passed as a
 * prop, change the key by being part of it.
 */
function cacheKey(kind: EmailKind, props: ResolvedEmailProps): string {
  const shape = Object.entries(props).map(([name, value]) => ((SLOTS as readonly string[]).includes(name) ? [name, Boolean(value)] : [name, value]));
  return createHash("sha256").update(JSON.stringify([kind, shape])).digest("base64url");
}

const entries = new Map<string, Promise<Compiled | null>>();
const stats = { compiled: 0, filled: 0, fresh: 0 };

function lookup(kind: EmailKind, props: ResolvedEmailProps): Promise<Compiled | null> {
  const key = cacheKey(kind, props);
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key);
    entries.set(key, hit);
    return hit;
  }
  stats.compiled += 1;
  const made = compile(kind, props).catch((error: unknown) => {
    if (entries.get(key) === made) entries.delete(key);
    throw error;
  });
  entries.set(key, made);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return made;
}

/** The email from its compiled markup (compiling it first if need be); null when it must be rendered fresh. */
export async function renderCached(kind: EmailKind, props: ResolvedEmailProps): Promise<RenderedEmail | null> {
  const compiled = await lookup(kind, props);
  const filled = compiled && fill(compiled, props);
  stats[filled ? "filled" : "fresh"] += 1;
  return filled;
}

/** For tests and the bench: entries held, compiles, and messages filled or rendered fresh. */
export const renderCacheStats = () => ({ size: entries.size, ...stats });
