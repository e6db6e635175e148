// What a hand-made request can put in a form, for the property tests (fast-check): any Unicode,
// lone surrogates, control characters, markup and SQL, numbers as text, values up to 1 MB, files
// instead of text, repeated and missing keys. Most values are small, so 10,000 runs stay fast.
import fc from "fast-check";
import { ANSWER_FIELD_MAX_LENGTH, LOGIN_ID_MAX_LENGTH, RESET_CODE_FIELD_MAX_LENGTH } from "@/lib/forms";
import { en } from "@/lib/messages/en";
import { PASSWORD_MAX_LENGTH } from "@/lib/passwords/policy";

export const MEGABYTE = 1024 * 1024;

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const controlChar = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
  .map((c) => String.fromCharCode(c));
const oddSpace = fc.constantFrom(" ", "\u00a0", "\u200b", "\u202e", "\ufeff", "\u3000", "\u2028");
/** Characters NFKC expands, and ones whose case changes length. */
const oddLetter = fc.constantFrom("\ufdfa", "\u3300", "\ufb03", "\u0130", "\u00df", "e\u0301", "\u1e9e");

/** One character of hostile text; printable ASCII most of the time. */
export const hostileUnit = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }) },
  { weight: 4, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: controlChar },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: oddSpace },
  { weight: 1, arbitrary: oddLetter },
);

export const hostileText = (maxLength: number, minLength = 0) =>
  fc.string({ unit: hostileUnit, minLength, maxLength });

export const MARKUP_AND_SQL = [
  "<script>window.pwned=1</script>",
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1' --",
  "'; DROP TABLE users; --",
  "${7*7}{{7*7}}",
  "%00",
  "\u0000",
  "../../etc/passwd",
  "__proto__",
  "constructor",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "0x10",
  "2147483648",
  "9007199254740993",
];

/** A chunk repeated to a length: now and then the full megabyte. */
export const hugeText = fc
  .tuple(
    hostileText(8, 1),
    fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 300, max: 70_000 }) }, fc.constant(MEGABYTE)),
  )
  .map(([chunk, length]) => chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length));

/** A value for a field: often what `plausible` makes, else anything at all. */
export function fieldText(plausible: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 40, arbitrary: plausible },
    { weight: 40, arbitrary: hostileText(24) },
    { weight: 8, arbitrary: fc.constantFrom("", " ", "\t", "  \n  ", "\u3000") },
    { weight: 8, arbitrary: fc.constantFrom(...MARKUP_AND_SQL) },
    { weight: 4, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
    { weight: 1, arbitrary: hugeText },
  );
}

/** Printable, no control characters: what a person could type. */
export const typedText = (minLength: number, maxLength: number) =>
  fc.string({
    unit: fc.oneof({ weight: 6, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 1 }) }, oddLetter),
    minLength,
    maxLength,
  });

export type Entry = [name: string, value: string | Blob];

const fileValue = fc
  .tuple(fc.string({ maxLength: 16 }), fc.constantFrom("", "a.txt", "<x>.html"))
  .map(([content, name]): string | Blob => (name ? new File([content], name) : new Blob([content])));

/** The entries one field contributes: none, one, or a repeated key; a file now and then. */
function fieldEntries(name: string, value: fc.Arbitrary<string>): fc.Arbitrary<Entry[]> {
  const one = fc.oneof({ weight: 12, arbitrary: value }, fileValue);
  return fc
    .oneof(
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 12, arbitrary: fc.array(one, { minLength: 1, maxLength: 1 }) },
      {
        weight: 2,
        arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }),
      },
    )
    .map((values) => values.map((v): Entry => [name, v]));
}

const strayName = fc.oneof(
  hostileText(12),
  fc.constantFrom("$ACTION_ID_0123abcd", "$ACTION_REF_1", "$ACTION_1:0", "__proto__", "constructor"),
);

/** A whole posted form: each field's entries, then stray keys; one in four as a person fills it. */
export function formEntries(fields: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<Entry[]> {
  const perField = Object.entries(fields).map(([name, value]) => fieldEntries(name, fieldText(value)));
  const strays = fc.array(
    fc.tuple(strayName, fc.oneof(hostileText(12), fileValue)).map(([n, v]): Entry => [n, v]),
    { maxLength: 2 },
  );
  const hostile = fc
    .tuple(fc.tuple(...perField), strays)
    .map(([fieldsEntries, stray]) => [...fieldsEntries.flat(), ...stray]);
  const names = Object.keys(fields);
  const filled = fc
    .tuple(...Object.values(fields))
    .map((values) => values.map((value, i): Entry => [names[i]!, value]));
  return fc.oneof({ weight: 3, arbitrary: hostile }, { weight: 1, arbitrary: filled });
}

export function toFormData(entries: Entry[]): FormData {
  const formData = new FormData();
  for (const [name, value] of entries) formData.append(name, value);
  return formData;
}

function stringsOf(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (node && typeof node === "object") return Object.values(node).flatMap(stringsOf);
  return [];
}

/** Every fixed text the pages can show, and the length limits' words. */
export const PAGE_TEXTS: ReadonlySet<string> = new Set([
  ...stringsOf(en),
  ...[LOGIN_ID_MAX_LENGTH, PASSWORD_MAX_LENGTH, ANSWER_FIELD_MAX_LENGTH, RESET_CODE_FIELD_MAX_LENGTH].map(
    en.errors.tooLong,
  ),
]);

/** The words of a state: its message and its field errors. */
export function wordsOf(state: { message?: string; fieldErrors?: Record<string, string> }): string[] {
  return [...(state.message === undefined ? [] : [state.message]), ...Object.values(state.fieldErrors ?? {})];
}
