// One typed tree per language, English the source of the keys. A translation holds the families'
// parts (FamilyWords); the school's parts are English in every language. No `server-only`: the
// HTTP server's refusal pages and the notices' composer use it too.
import { en, type FamilyWords, type Messages } from "./en";
import type { Locale } from "./locales";
import { ms } from "./ms";
import { pseudo } from "./pseudo";
import { ta } from "./ta";
import { zh } from "./zh";

export type { Messages };

export const TRANSLATIONS: Record<Exclude<Locale, "en">, FamilyWords> = { zh, ms, ta, qps: pseudo };

const trees = new Map<Locale, Messages>([["en", en]]);

/** The whole tree for `locale`: its translation over the English one. */
export function messagesFor(locale: Locale): Messages {
  let tree = trees.get(locale);
  if (!tree) {
    const words = TRANSLATIONS[locale as Exclude<Locale, "en">];
    tree = { ...en, ...words, mail: { ...en.mail, ...words.mail } };
    trees.set(locale, tree);
  }
  return tree;
}

/** A security question's words by its stored id (lib/reset/questions.ts): the id is what is kept,
 *  so answers set up in one language are checked in any other. */
export function questionText(t: Messages, id: number): string {
  return (t.questions as Record<number, string | undefined>)[id] ?? "";
}
