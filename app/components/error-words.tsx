"use client";
import { createContext, useContext } from "react";
import type { Messages } from "@/lib/messages";

export type ErrorWords = Pick<Messages["errors"], "generic" | "busy" | "tryAgain">;

const ErrorWordsContext = createContext<ErrorWords | null>(null);

/** The words of the error page (app/error.tsx), handed down by the root layout: an error page
 *  gets no props from the server, and the browser loads no other words. */
export function ErrorWordsProvider({ words, children }: { words: ErrorWords; children: React.ReactNode }) {
  return <ErrorWordsContext.Provider value={words}>{children}</ErrorWordsContext.Provider>;
}

export function useErrorWords(): ErrorWords {
  const words = useContext(ErrorWordsContext);
  if (!words) throw new Error("ErrorWordsProvider is missing from the root layout");
  return words;
}
