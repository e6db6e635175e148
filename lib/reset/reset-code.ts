// A one-time reset code: what the school (a form teacher, an administrator) hands a child in
// person when the security questions will not do. Eight characters from an alphabet without the
// look-alikes (0/O, 1/I/L, 5/S, 2/Z, 8/B), good until the end of the school day or its first use,
// stored only as an argon2 hash, and guessed no faster than the answers (the same gate counts
// both). Pure: lib/data/reset-codes.ts stores and redeems them.
import { randomInt } from "node:crypto";

export const CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const CODE_LENGTH = 8;

/** A new code, uniformly drawn: 25^8 ≈ 1.5 × 10^11 codes of 8 (a guardian's code,
 *  lib/reset/guardian-code.ts, has 6: 2.4 × 10^8). */
export function newResetCode(length = CODE_LENGTH): string {
  return Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/** A code as a child types it: any case, spaces or dashes between the groups. Null when it
 *  cannot be a code of `length` (it is then wrong without any work). */
export function normaliseResetCode(typed: string, length = CODE_LENGTH): string | null {
  const code = typed
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s-]+/g, "");
  if (code.length !== length) return null;
  return [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

/** As shown on the page, the slip and the e-mail: two groups (four and four, or three and three). */
export function formatResetCode(code: string): string {
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)}-${code.slice(half)}`;
}

/** The UTC offset of `timeZone` at `at`, in minutes. */
function offsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The end of the school day that `at` falls in: the next midnight in the school's time zone. */
export function endOfSchoolDay(at: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone }).format(at).split("-").map(Number);
  const [year = 1970, month = 1, day = 1] = parts;
  const midnightAsUtc = Date.UTC(year, month - 1, day + 1);
  // The offset at midnight itself (a change of clocks during the day moves it).
  const guess = new Date(midnightAsUtc - offsetMinutes(at, timeZone) * 60_000);
  return new Date(midnightAsUtc - offsetMinutes(guess, timeZone) * 60_000);
}
