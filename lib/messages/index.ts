import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import type { FamilyWords, Messages } from "./en";
import { PATH_HEADER, isSchoolPath, localeOf, type Locale } from "./locales";
import { messagesFor, questionText } from "./tree";

// Every word a person reads comes from here. The families' pages speak the reader's language
// (lib/messages/locales.ts says how it is chosen); the school's pages are English.

/** This request's language: the switcher's cookie, else Accept-Language, else English; English
 *  on the school's pages. */
export const getLocale = cache(async (): Promise<Locale> => {
  const request = await headers();
  if (isSchoolPath(request.get(PATH_HEADER) ?? "")) return "en";
  return localeOf(request.get("cookie"), request.get("accept-language"));
});

/** The words for this request's reader. */
export async function getMessages(): Promise<Messages> {
  return messagesFor(await getLocale());
}

export { messagesFor, questionText };
export { schoolMessages } from "./school";
export type { FamilyWords, Locale, Messages };

/** A page's `generateMetadata`: its title in the reader's language. */
export function pageTitle(pick: (t: Messages) => string) {
  return async (): Promise<{ title: string }> => ({ title: pick(await getMessages()) });
}
