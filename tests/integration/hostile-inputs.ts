// Generated inputs that a form's limits let through but the rules refuse, for the property tests
// in hostile-input.test.ts; and Login IDs a hand-made cookie can carry.
import assert from "node:assert/strict";
import fc from "fast-check";
import { contextWords } from "@/lib/passwords/context-words";
import type { z } from "zod";
import { parseForm, type FormState } from "@/lib/forms";
import { en } from "@/lib/messages/en";
import { firstFailure, nameTokens, normalisePassword } from "@/lib/passwords/policy";
import { QUESTION_IDS, questionById } from "@/lib/reset/questions";
import {
  hostileText,
  hugeText,
  MARKUP_AND_SQL,
  PAGE_TEXTS,
  toFormData,
  typedText,
  wordsOf,
  type Entry,
} from "../support/hostile";
import { ALEX, CLEMENTI_ADMIN, JURONG_ADMIN, LIM, SITI } from "./helpers";

/** What a form's action accepts of generated entries: only inputs its schema lets through. */
export function passing<S extends z.ZodType>(entries: fc.Arbitrary<Entry[]>, schema: S) {
  return entries
    .map((generated) => parseForm(schema, toFormData(generated)))
    .filter((parsed): parsed is { ok: true; data: z.output<S> } => parsed.ok)
    .map((parsed) => parsed.data);
}

const PEOPLE = [
  SITI,
  ALEX,
  LIM,
  CLEMENTI_ADMIN,
  JURONG_ADMIN,
  { loginId: "nurul_huda", password: "Welcome-Clementi-2027" },
];
const REAL_PASSWORDS = new Set(PEOPLE.map((person) => person.password));
const pad = fc.constantFrom("", " ", "\u3000", "\t");
const fullWidth = (text: string) =>
  text.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Real Login IDs as people mistype them: case, spaces, full-width letters, the e-mail. */
export const knownLoginId = fc
  .tuple(pad, fc.mixedCase(fc.constantFrom(...PEOPLE.map((p) => p.loginId), SITI.email)), pad, fc.boolean())
  .map(([before, id, after, wide]) => before + (wide ? fullWidth(id) : id) + after);

/** What a cookie can carry (`%00` decodes to NUL), or a hand-made request: text NFKC blows up. */
export const hostileLoginId = fc.oneof(
  { weight: 10, arbitrary: hostileText(40) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKUP_AND_SQL, "siti_rahman\u0000", "%00") },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom("\ufdfa", "\u3300", "\ufb03"), { minLength: 60, maxLength: 254 })
      .map((a) => a.join("")),
  },
  { weight: 1, arbitrary: hugeText },
);

/** Near misses of the real passwords, and anything at all; never a real password itself. */
export const wrongPassword = fc
  .oneof(
    fc
      .constantFrom(...REAL_PASSWORDS)
      .chain((real) =>
        fc.oneof(
          fc.mixedCase(fc.constant(real)),
          fc.constantFrom(
            ` ${real}`,
            `${real} `,
            `${real}\u0000`,
            real.slice(0, -1),
            `${real}!`,
            fullWidth(real),
          ),
        ),
      ),
    hostileText(40),
    fc.constantFrom(...MARKUP_AND_SQL),
  )
  .filter((password) => !REAL_PASSWORDS.has(normalisePassword(password)));

/** Runs per property: the count given, or PROPERTY_RUNS (10,000 in `npm run test:property`). */
export const runs = (count: number) => Number(process.env.PROPERTY_RUNS) || count;

export type Owner = { loginId: string; fullName: string; password: string };

/** The refusal's words: fixed texts, or the name part or school word a password rule found. */
export function assertPageWords(state: FormState, owner?: Owner) {
  const allowed = new Set([
    ...PAGE_TEXTS,
    ...(owner ? nameTokens(owner).map(en.policy.errors.noName) : []),
    ...(owner ? contextWords("Clementi Primary School").map(en.policy.errors.contextWord) : []),
  ]);
  const words = wordsOf(state);
  assert.equal(state.status, "error");
  assert.ok(words.length > 0 && words.every((text) => allowed.has(text)), words.join(" | "));
}

/** A password that meets the policy, to be spoiled. */
const strong = fc
  .tuple(
    fc.constantFrom("Kite", "River", "Lantern"),
    fc.integer({ min: 10, max: 99 }),
    fc.constantFrom("-", "!", "#"),
  )
  .map(([word, n, symbol]) => `${word}${symbol}Orbit${symbol}${n}`);

/** New password and confirmation: one rule broken on purpose (the policy's, a school word, the
 *  current password), or any text the policy refuses. */
export function failingPasswords(owner: Owner): fc.Arbitrary<Entry[]> {
  const same = (password: string) => [password, password] as const;
  const built = fc.oneof(
    strong.map((p) => same(`!${p}`)),
    strong.map((p) => same(p.slice(0, 11))),
    strong.map((p) => same(p.toLowerCase().replace(/[^a-z]/g, "") + "kitekite")),
    fc.tuple(strong, fc.constantFrom(...nameTokens(owner))).map(([p, name]) => same(p + name.toUpperCase())),
    fc
      .tuple(strong, fc.constantFrom("Clementi", "Sch00l", "Portal", "MIMS", "Passw0rd"))
      .map(([p, w]) => same(p + w)),
    fc.tuple(strong, typedText(0, 3)).map(([p, tail]) => [p, `${p}${tail}x`] as const),
    fc.constant(same(owner.password)),
  );
  const random = fc
    .tuple(fc.oneof(hostileText(30), typedText(1, 30), fc.constantFrom(...MARKUP_AND_SQL)), fc.boolean())
    .map(([password, twice]) => [password, twice ? password : `${password}?`] as const)
    .filter(([password, confirm]) => firstFailure(password, owner, confirm) !== null);
  return fc.oneof(built, random).map(([newPassword, confirm]): Entry[] => [
    ["newPassword", newPassword],
    ["confirmPassword", confirm],
  ]);
}

/** A signed-in change: the current password right or wrong, and a new one the rules refuse. */
export function failingChanges(owner: Owner): fc.Arbitrary<Entry[]> {
  const current = fc.oneof(
    fc.constant(owner.password),
    fc.constantFrom(owner.password.toLowerCase(), `${owner.password} `, `${owner.password.slice(0, -1)}0`),
    typedText(1, 30),
  );
  return fc
    .tuple(current, failingPasswords(owner))
    .map(([c, entries]) => [["currentPassword", c], ...entries]);
}

type AnswerSet = { ids: number[]; answers: string[] };
type Spoiler = { kind: string; slot: number; from: number; variant: string; pad: string };

const spaced = (text: string, padding: string) => `${padding}${text}${padding}`;

/** Breaks one rule of siti's answer set at one slot; returns the field it broke. */
function spoil(set: AnswerSet, { kind, slot, from, variant, pad: padding }: Spoiler): string {
  const other = from % 3 === slot ? (slot + 1) % 3 : from % 3;
  if (kind === "questionRepeated") {
    set.ids[slot] = set.ids[other]!;
    return `question${Math.max(slot, other) + 1}`;
  }
  const answers: Record<string, () => string> = {
    answerTooShort: () => spaced(variant.slice(0, 1 + (slot % 2)), padding),
    answerTooLong: () => variant.repeat(9).slice(0, 41 + slot * 10),
    answerIsName: () => spaced(["Siti", "RAHMAN", "nur", "Siti_Rahman"][from]!, padding),
    answerIsQuestion: () => spaced(questionById(set.ids[slot]!)!.words[0].toUpperCase(), padding),
    answerRepeated: () => spaced(set.answers[other]!.toUpperCase(), padding),
  };
  set.answers[slot] = answers[kind]!();
  return `answer${kind === "answerRepeated" ? Math.max(slot, other) + 1 : slot + 1}`;
}

const spoiler = fc.record({
  kind: fc.constantFrom(
    ...["questionRepeated", "answerTooShort", "answerTooLong"],
    ...["answerIsName", "answerIsQuestion", "answerRepeated"],
  ),
  slot: fc.integer({ min: 0, max: 2 }),
  from: fc.integer({ min: 0, max: 3 }),
  variant: fc.stringMatching(/^[a-z]{5,9}$/),
  pad: fc.constantFrom("", " ", "  ", "\u3000"),
});

/** Three good answers to three questions, then one to three rules broken (questions first),
 *  with the field the last one broke: it must be among the problems named. */
export const spoiledAnswerSet = fc
  .tuple(
    fc.shuffledSubarray([...QUESTION_IDS], { minLength: 3, maxLength: 3 }),
    fc.uniqueArray(fc.stringMatching(/^[a-z]{5,12}( [a-z]{3,8})?$/), { minLength: 3, maxLength: 3 }),
    fc.array(spoiler, { minLength: 1, maxLength: 3 }),
    fc.oneof(fc.constant(undefined), fc.constant(SITI.password), hostileText(20)),
  )
  .map(([ids, answers, spoilers, currentPassword]) => {
    const set = { ids, answers };
    const questionsFirst = [...spoilers].sort(
      (a, b) => Number(b.kind === "questionRepeated") - Number(a.kind === "questionRepeated"),
    );
    const broken = questionsFirst.map((s) => spoil(set, s));
    const entries: Entry[] = [
      ...set.ids.map((id, i): Entry => [`question${i + 1}`, String(id)]),
      ...set.answers.map((answer, i): Entry => [`answer${i + 1}`, answer]),
      ...(currentPassword === undefined ? [] : [["currentPassword", currentPassword] as Entry]),
    ];
    return { formData: toFormData(entries), lastBroken: broken.at(-1)! };
  });

/** Ids an administrator may not unlock: any number but their own students', any text. */
export function foreignUserIds(own: number[], others: number[]): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map(String),
      fc.constantFrom(...others, 2 ** 31, 2 ** 53 - 1, 2 ** 53 + 2).map(String),
      fc.oneof(fc.maxSafeInteger(), fc.double()).map(String),
      hostileText(12),
      fc.constantFrom(...MARKUP_AND_SQL),
    )
    .filter((text) => !own.includes(Number(text)));
}
