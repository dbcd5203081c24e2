/**
 * Zero-width and no-break characters that fill the inbox preview after our
 * line, so clients do not pull the heading and footer text in after it.
 */
const FILLER = "\u00a0\u200c\u200b\u200d\u200e\u200f\ufeff";

/**
 * Inbox clients show at most ~140 characters of preview, and our shortest
 * preview line is about 40: this many fillers always covers the rest.
 */
const FILLER_REPEAT = 110;

/**
 * The hidden inbox-preview line. Like react-email's <Preview>, but the filler
 * has a fixed length and the line is never cut: react-email pads to 150
 * characters in all, so its markup depends on how long the recipient's
 * address (or any value in the line) is, and the renderer's cache
 * (lib/mail/render-cache.ts) fills values into markup rendered once.
 */
export function InboxPreview({ children }: { children: string }) {
  return (
    <div
      style={{ display: "none", overflow: "hidden", lineHeight: "1px", opacity: 0, maxHeight: 0, maxWidth: 0 }}
      data-skip-in-text="true"
    >
      {children}
      <div>{FILLER.repeat(FILLER_REPEAT)}</div>
    </div>
  );
}
