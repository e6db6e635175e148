import { en, type Messages } from "./en";

/** The words of the school's pages: English, whatever the reader's language (the families' pages
 *  speak four). No `server-only`: the school's browser forms take them too. */
export function schoolMessages(): Messages {
  return en;
}
