// A student's language (users.language): the school sets it, in the cohort file or on the
// student's page, and the family's notices are written in it with the English text below. One of
// the languages the families' pages speak (never the pseudo-locale), or not set: English alone.
import { LOCALES } from "@/lib/messages/locales";

export type StudentLanguage = (typeof LOCALES)[number];

export const STUDENT_LANGUAGES = LOCALES;

export function isStudentLanguage(value: unknown): value is StudentLanguage {
  return typeof value === "string" && (STUDENT_LANGUAGES as readonly string[]).includes(value);
}

/** What a school's spreadsheet may say for each language, compared as `cellKey` leaves it. */
const SPREADSHEET_WORDS: Record<StudentLanguage, string[]> = {
  en: ["en", "english"],
  zh: ["zh", "chinese", "中文", "mandarin"],
  ms: ["ms", "malay", "bahasa melayu", "melayu"],
  ta: ["ta", "tamil", "தமிழ்"],
};

const cellKey = (cell: string) => cell.normalize("NFKC").toLowerCase().trim().replace(/\s+/g, " ");

/** A cell of the cohort file's language column: the language, null when empty (not set), or
 *  "invalid" for anything else. */
export function languageOfCell(cell: string): StudentLanguage | null | "invalid" {
  const key = cellKey(cell);
  if (key === "") return null;
  return STUDENT_LANGUAGES.find((language) => SPREADSHEET_WORDS[language].includes(key)) ?? "invalid";
}
