/** How many digits an emailed code has (lib/otp issues six). */
export const CODE_LENGTH = 6;

/**
 * The digits of pasted or autofilled text, at most `length` of them:
 * " 123 456 ", "123-456" and "Your code: 123456" all give "123456".
 * Anything else in the text is dropped, as the server drops it too.
 */
export function digitsOf(text: string, length = CODE_LENGTH): string {
  return text.replace(/\D/g, "").slice(0, length);
}

/**
 * The boxes after `text` arrives in box `at`: a whole code (a paste, or the
 * phone's one-time-code autofill into whichever box had focus) fills every
 * box from the first; a shorter run of digits fills from `at` onwards.
 * Returns the new boxes and the box to focus next.
 */
export function placeDigits(boxes: readonly string[], at: number, text: string): { boxes: string[]; focus: number } {
  const digits = digitsOf(text, boxes.length);
  if (!digits) return { boxes: [...boxes], focus: at };
  const start = digits.length === boxes.length ? 0 : at;
  const next = [...boxes];
  for (let i = 0; i < digits.length && start + i < next.length; i++) next[start + i] = digits[i]!;
  return { boxes: next, focus: Math.min(start + digits.length, next.length - 1) };
}

/**
 * What a box's input event brought: typing into a box that holds a digit
 * (the caret before or after it) gives two characters; the new one counts,
 * so the old digit does not spill into the next box. Anything else (a paste,
 * an autofill) is passed on whole.
 */
export function typedText(old: string, value: string): string {
  return old && value.length === 2 && value.includes(old) ? value.replace(old, "") : value;
}

/** Boxes holding `code` (what the server put back after a wrong try), empty where it has no digit. */
export function boxesOf(code: string, length = CODE_LENGTH): string[] {
  const digits = digitsOf(code, length);
  return Array.from({ length }, (_, i) => digits[i] ?? "");
}
