/**
 * What a console page says after a change it redirected back with
 * (`?done=<change>`): the words for a known change; anything else in the
 * query shows nothing, so the address cannot put words on the page.
 */
export function doneMessage<M extends Record<string, string>>(messages: M, value: unknown): string | undefined {
  return typeof value === "string" && Object.hasOwn(messages, value) ? messages[value as keyof M] : undefined;
}
