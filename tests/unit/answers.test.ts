import { describe, expect, it } from "vitest";
import {
  ANSWER_MAX_LENGTH,
  ANSWER_MIN_LENGTH,
  answerProblem,
  normaliseAnswer,
  validateAnswerSet,
  type AnswerProblem,
} from "@/lib/reset/answers";
import type { PasswordContext } from "@/lib/passwords/policy";
import { SECURITY_QUESTIONS } from "@/lib/reset/questions";

const alex: PasswordContext = {
  loginId: "alex_tan",
  email: "ocean.breeze@students.example.edu.sg",
  fullName: "Alex Tan Wei Ming",
};

// Question ids (lib/reset/questions.ts): 1 animal, 2 colour, 3 sport or hobby, 4 food, 5 cartoon hero/pop group,
// 6 toy, 7 movie, 8 book.
const ANIMAL = 1;
const COLOUR = 2;
const SPORT = 3;
const FOOD = 4;
const CARTOON = 5;
const BOOK = 8;

describe("normaliseAnswer", () => {
  it.each([
    ["trims, collapses inner spaces and lower-cases", "  Chicken   RICE ", "chicken rice"],
    [
      "folds full-width letters and the ideographic space (NFKC)",
      "ＣＨＩＣＫＥＮ\u3000ＲＩＣＥ",
      "chicken rice",
    ],
    ["folds full-width digits", "Ｒ２Ｄ２", "r2d2"],
    ["folds ligatures", "Goldﬁsh", "goldfish"],
    ["composes accents", "Cafe\u0301 Latte", "café latte"],
    ["treats a no-break space as a space", "Kaya\u00a0 Toast", "kaya toast"],
    ["collapses tabs and new lines", "nasi\t\tlemak\n", "nasi lemak"],
    ["keeps letters of any script", "  榴莲  ", "榴莲"],
  ])("%s", (_label, answer, expected) => {
    expect(normaliseAnswer(answer)).toBe(expected);
  });

  it("gives the same value for answers that differ only in case, width and spacing", () => {
    expect(normaliseAnswer("Harry Potter")).toBe(normaliseAnswer("  ｈａｒｒｙ   POTTER "));
  });
});

describe("answerProblem", () => {
  const maxLong = "a".repeat(ANSWER_MAX_LENGTH);
  const tooLong = "a".repeat(ANSWER_MAX_LENGTH + 1);

  it("uses 3 to 40 characters", () => {
    expect(ANSWER_MIN_LENGTH).toBe(3);
    expect(ANSWER_MAX_LENGTH).toBe(40);
  });

  it.each<[string, string, number, AnswerProblem | null]>([
    ["a plain answer", "Tiger", ANIMAL, null],
    ["three characters", "cat", ANIMAL, null],
    ["three characters with a space", "a b", ANIMAL, null],
    ["two characters", "ox", ANIMAL, "answerTooShort"],
    ["two characters padded with spaces", "   ox   ", ANIMAL, "answerTooShort"],
    ["empty", "", ANIMAL, "answerTooShort"],
    ["only spaces", "      ", ANIMAL, "answerTooShort"],
    ["two full-width spaces around two letters", "\u3000ox\u3000", ANIMAL, "answerTooShort"],
    ["40 characters", maxLong, BOOK, null],
    ["41 characters", tooLong, BOOK, "answerTooLong"],
    ["41 characters that collapse to 40", "a".repeat(20) + "  " + "b".repeat(19), BOOK, null],
    ["40 characters plus spaces around", `   ${maxLong}   `, BOOK, null],
    ["the login ID", "alex_tan", FOOD, "answerIsName"],
    ["the login ID in capitals", "ALEX_TAN", FOOD, "answerIsName"],
    ["a token of the full name", "Ming", FOOD, "answerIsName"],
    ["a token of the full name, padded", "  TAN ", FOOD, "answerIsName"],
    ["a token of the e-mail local part", "Ocean", FOOD, "answerIsName"],
    ["a longer answer containing a name token", "Tan Tan noodles", FOOD, null],
    ["the question's own word", "colour", COLOUR, "answerIsQuestion"],
    ["the question's word, US spelling", "Color", COLOUR, "answerIsQuestion"],
    ["the question's word, full-width", "ＣＯＬＯＵＲ", COLOUR, "answerIsQuestion"],
    ["another question's word", "colour", ANIMAL, null],
    ["'sport or hobby' for question 3", "Sport  or Hobby", SPORT, "answerIsQuestion"],
    ["'hobby' for question 3", "hobby", SPORT, "answerIsQuestion"],
    ["'pop group' for question 5", "Pop Group", CARTOON, "answerIsQuestion"],
    ["the whole question text", "What is your favourite food?", FOOD, "answerIsQuestion"],
    ["a NUL character", "chicken\u0000rice", FOOD, "answerInvalid"],
    ["a trailing new line", "tiger\n", ANIMAL, "answerInvalid"],
    ["a tab", "nasi\tlemak", FOOD, "answerInvalid"],
    ["DEL", "tiger\u007f", ANIMAL, "answerInvalid"],
    ["a C1 control character", "tiger\u0085", ANIMAL, "answerInvalid"],
    ["a control character before anything else", "\u0001", ANIMAL, "answerInvalid"],
  ])("%s: %j for question %i → %s", (_label, answer, questionId, expected) => {
    expect(answerProblem(answer, questionId, alex)).toBe(expected);
  });

  it("checks the name of whoever is setting up the answers", () => {
    expect(answerProblem("Ming", FOOD, { loginId: "s1234567", fullName: "Siti Nurhaliza" })).toBeNull();
    expect(answerProblem("Siti", FOOD, { loginId: "s1234567", fullName: "Siti Nurhaliza" })).toBe(
      "answerIsName",
    );
  });

  it("refuses each question's own words for that question only", () => {
    for (const question of SECURITY_QUESTIONS) {
      for (const word of question.words) {
        expect(answerProblem(word, question.id, alex)).toBe("answerIsQuestion");
        const other = question.id === ANIMAL ? BOOK : ANIMAL;
        expect(answerProblem(word, other, alex)).toBeNull();
      }
    }
  });
});

describe("validateAnswerSet", () => {
  const valid = { questionIds: [ANIMAL, COLOUR, FOOD], answers: ["Tiger", "Purple", "Chicken rice"] };

  it("accepts three different questions with three acceptable, different answers", () => {
    expect(validateAnswerSet(valid, alex)).toEqual({});
  });

  it("marks a question chosen twice on the later field only", () => {
    expect(validateAnswerSet({ ...valid, questionIds: [ANIMAL, COLOUR, ANIMAL] }, alex)).toEqual({
      question3: "questionRepeated",
    });
  });

  it.each([0, 9, -1, 1.5, Number.NaN])("marks question id %s as missing", (id) => {
    expect(validateAnswerSet({ ...valid, questionIds: [ANIMAL, id, FOOD] }, alex)).toEqual({
      question2: "questionMissing",
    });
  });

  it("marks an answer repeated after normalisation", () => {
    const answers = ["Chicken Rice", "Purple", "  ＣＨＩＣＫＥＮ   rice "];
    expect(validateAnswerSet({ ...valid, answers }, alex)).toEqual({ answer3: "answerRepeated" });
  });

  it("marks the answer's own problem rather than a repetition", () => {
    const answers = ["Tiger", "Tan", "tan"];
    expect(validateAnswerSet({ ...valid, answers }, alex)).toEqual({
      answer2: "answerIsName",
      answer3: "answerIsName",
    });
  });

  it("marks every field with its own problem", () => {
    const input = {
      questionIds: [COLOUR, COLOUR, BOOK],
      answers: ["colour", "ab", "x".repeat(ANSWER_MAX_LENGTH + 1)],
    };
    expect(validateAnswerSet(input, alex)).toEqual({
      question2: "questionRepeated",
      answer1: "answerIsQuestion",
      answer2: "answerTooShort",
      answer3: "answerTooLong",
    });
  });

  it("judges each answer against its own question", () => {
    const input = { questionIds: [ANIMAL, COLOUR, FOOD], answers: ["food", "animal", "colour"] };
    expect(validateAnswerSet(input, alex)).toEqual({});
  });

  it("marks an answer with a control character as invalid", () => {
    expect(validateAnswerSet({ ...valid, answers: ["Tiger", "Pur\u0007ple", "Chicken rice"] }, alex)).toEqual(
      {
        answer2: "answerInvalid",
      },
    );
  });

  it("never accepts a set with fewer than three questions and answers", () => {
    expect(validateAnswerSet({ questionIds: [ANIMAL, COLOUR], answers: ["Tiger", "Purple"] }, alex)).toEqual({
      question3: "questionMissing",
      answer3: "answerTooShort",
    });
    expect(validateAnswerSet({ questionIds: [], answers: [] }, alex)).toEqual({
      question1: "questionMissing",
      question2: "questionMissing",
      question3: "questionMissing",
      answer1: "answerTooShort",
      answer2: "answerTooShort",
      answer3: "answerTooShort",
    });
  });
});
