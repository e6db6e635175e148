// Context words: what anyone guessing a student's password tries first, because the whole school
// shares them: the service's own words and the words of the school's name. The student's own
// names are the password policy's rule (lib/passwords/policy.ts); these are the school's.
//
// Rules, and why:
// - A password that contains one of them, compared lower-cased, is refused: "Clementi2026!" is
//   as weak as "clementi".
// - Common letter-for-digit swaps count too ("Sch00l", "M1M5"): cracking tools try them first.
// - Only words of 4+ characters: shorter ones ("ps", "st", "the") are in too many good passwords,
//   and a false refusal here hits every student of a school at once.

export const CONTEXT_WORD_MIN_LENGTH = 4;

/** The service's words, the same for every school. */
export const SERVICE_WORDS = ["mims", "sspr", "portal", "school", "student", "password"] as const;

/** What a letter may be written as. */
const SWAPS: Record<string, string> = {
  a: "a4@",
  e: "e3",
  i: "i1!|",
  l: "l1!|",
  o: "o0",
  s: "s5$",
  t: "t7+",
};

const escape = (char: string) => char.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");

function pattern(word: string): RegExp {
  const parts = [...word].map((char) => {
    const swaps = SWAPS[char];
    return swaps ? `[${[...swaps].map(escape).join("")}]` : escape(char);
  });
  return new RegExp(parts.join(""), "u");
}

/** The school name's words of 4+ characters, split at anything not a letter or digit. */
export function schoolNameWords(schoolName: string): string[] {
  return schoolName
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => [...word].length >= CONTEXT_WORD_MIN_LENGTH);
}

export function contextWords(schoolName: string | null | undefined): string[] {
  return [...new Set([...SERVICE_WORDS, ...schoolNameWords(schoolName ?? "")])];
}

/** The first context word the password contains, or undefined. */
export function findContextWord(password: string, schoolName: string | null | undefined): string | undefined {
  const lower = password.normalize("NFC").toLowerCase();
  return contextWords(schoolName).find((word) => pattern(word).test(lower));
}
