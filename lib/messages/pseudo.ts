// The pseudo-locale: every family word in English with its letters accented and in brackets,
// longer than English like the longest translations. A page read in it shows at once any word
// that does not come from the messages (tests/e2e/languages.spec.ts). It exists only where
// PSEUDO_LOCALE=1 (the browser tests' server): no reader can choose it otherwise.
import { en, FAMILY_AREAS, type FamilyWords } from "./en";

const ACCENTED: Record<string, string> = Object.fromEntries(
  [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"].map((c, i) => [
    c,
    [..."åƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ"][i]!,
  ]),
);

/** "Log In" → "⟦Ŀöĝ Îñ ·⟧": every ASCII letter accented, a little longer, in brackets. */
export function pseudoText(text: string): string {
  const accented = text.replace(/[A-Za-z]/g, (c) => ACCENTED[c] ?? c);
  return `⟦${accented}${" ·".repeat(Math.ceil(text.length / 10))}⟧`;
}

function pseudoOf(value: unknown): unknown {
  if (typeof value === "string") return pseudoText(value);
  if (typeof value === "function")
    return (...args: unknown[]) => pseudoText(String((value as (...a: unknown[]) => unknown)(...args)));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, pseudoOf(inner)]));
  return value;
}

export const pseudo = Object.fromEntries(
  FAMILY_AREAS.map((area) => [area, pseudoOf(en[area])]),
) as unknown as FamilyWords;
