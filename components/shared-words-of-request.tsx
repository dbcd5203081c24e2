import { getMessages } from "next-intl/server";
import { SharedWordsProvider, type SharedWords } from "./shared-words";

/** The shared words (components/shared-words.tsx) in the request's language: only these two namespaces travel to the browser. */
export async function SharedWordsOfRequest({ children }: { children: React.ReactNode }) {
  // The catalogue's shape is the English files' (a parity test keeps Japanese alike).
  const { forms, errorPage } = (await getMessages()) as unknown as SharedWords;
  return <SharedWordsProvider words={{ forms, errorPage }}>{children}</SharedWordsProvider>;
}
