/**
 * The message a page shows after a change that redirected to it
 * (`?done=<key>`), from the page's own table; any other value shows nothing,
 * so a link cannot make a page claim something that did not happen.
 */
export function pickDoneMessage<M extends Readonly<Record<string, string>>>(messages: M, value: unknown): string | undefined {
  return typeof value === "string" && Object.hasOwn(messages, value) ? messages[value] : undefined;
}
