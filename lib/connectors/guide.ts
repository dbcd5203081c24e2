import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Marked, type Tokens } from "marked";
import { isConnectorId } from "./registry";

/**
 * A connector's set-up guide: its folder's README.md, rendered on the server
 * for the console. The README is our own file, but the HTML still goes into
 * an admin's page, so raw HTML in it is shown as text, links may only go to
 * http(s), mailto, in-page anchors or app paths, and images become their alt
 * text (no remote content is fetched into the console).
 */
export async function getConnectorGuide(connectorId: string): Promise<string | null> {
  // The id becomes part of a file path: only registry ids get that far.
  if (!isConnectorId(connectorId)) return null;
  const file = path.join(process.cwd(), "lib", "connectors", connectorId, "README.md");
  let markdown: string;
  try {
    markdown = await readFile(file, "utf8");
  } catch {
    return null;
  }
  return renderGuide(markdown);
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** Keeps the guide's heading ids apart from the page's own. */
const ANCHOR_PREFIX = "guide-";

/** GitHub's heading anchors: lower case, punctuation dropped, each space a hyphen ("OAuth 2.0 (XOAUTH2)" → "oauth-20-xoauth2"). */
export function slug(text: string): string {
  return text.toLowerCase().trim().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
}

const SAFE_HREF = /^(https?:\/\/|mailto:|#|\/(?!\/))/i;
const EXTERNAL_HREF = /^https?:\/\//i;

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    // One level down (the page has its own h1), with GitHub-style ids so the README's `#section` links work.
    heading(token: Tokens.Heading) {
      const level = Math.min(token.depth + 1, 6);
      return `<h${level} id="${ANCHOR_PREFIX}${slug(token.text)}">${this.parser.parseInline(token.tokens)}</h${level}>\n`;
    },
    link(token: Tokens.Link) {
      const label = this.parser.parseInline(token.tokens);
      const href = token.href.trim().replace(/^#/, `#${ANCHOR_PREFIX}`);
      // Relative links point into the repository (`schema.ts`), which the console cannot serve: keep the text.
      if (!SAFE_HREF.test(href)) return label;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : "";
      const external = EXTERNAL_HREF.test(href) ? ' target="_blank" rel="noopener noreferrer"' : "";
      return `<a href="${escapeHtml(href)}"${title}${external}>${label}</a>`;
    },
    image(token: Tokens.Image) {
      return escapeHtml(token.text);
    },
  },
});

/** Markdown → HTML with the rules above. Exported for tests. */
export function renderGuide(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
