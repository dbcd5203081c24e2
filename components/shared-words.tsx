"use client";

import { createContext, useContext } from "react";
import type en from "@/messages/en/forms.json";

/**
 * The few words client components on any page need (digit boxes,
 * show-password toggle, the code form's announcement, the error page), as
 * plain strings in the reader's language. A plain context rather than
 * next-intl's client provider keeps its message formatter out of pages like
 * /sign-in (issue 12's JavaScript budget); the console and account shells,
 * whose forms need formatted messages, still have one (components/client-intl.tsx).
 */
export type SharedWords = Pick<typeof en, "forms" | "errorPage">;

const SharedWordsContext = createContext<SharedWords | null>(null);

/** Given by the root layout (components/shared-words-of-request.tsx), or by app/global-error.tsx when that layout failed. */
export function SharedWordsProvider({ words, children }: { words: SharedWords; children: React.ReactNode }) {
  return <SharedWordsContext.Provider value={words}>{children}</SharedWordsContext.Provider>;
}

export function useSharedWords(): SharedWords {
  const words = useContext(SharedWordsContext);
  if (!words) throw new Error("useSharedWords needs a SharedWordsProvider above it (the root layout gives one)");
  return words;
}

/**
 * Puts values into a shared word's `{name}` slots. These messages use plain
 * arguments only, no plurals or selects; shared-words.test.ts holds every
 * one of them, in every language, to next-intl's own formatting.
 */
export function fillWord(word: string, values: Record<string, string | number>): string {
  return word.replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
}
