// The fixed list of security questions, in the order the school's guide shows them.
// Ids are stable: stored answers refer to them.
export const SECURITY_QUESTIONS = [
  { id: 1, text: "What is your favourite animal?", words: ["animal"] },
  { id: 2, text: "What is your favourite colour?", words: ["colour", "color"] },
  { id: 3, text: "What is your favourite sport or hobby?", words: ["sport", "hobby", "sport or hobby"] },
  { id: 4, text: "What is your favourite food?", words: ["food"] },
  {
    id: 5,
    text: "What is your favourite cartoon hero/pop group?",
    words: ["cartoon hero", "pop group", "cartoon", "hero"],
  },
  { id: 6, text: "What is your favourite toy?", words: ["toy"] },
  { id: 7, text: "What is your favourite movie?", words: ["movie"] },
  { id: 8, text: "What is your favourite book?", words: ["book"] },
] as const;

export const QUESTION_IDS: readonly number[] = SECURITY_QUESTIONS.map((q) => q.id);
export const QUESTIONS_TO_SET = 3;
export const QUESTIONS_TO_ASK = 2;

export function questionById(id: number) {
  return SECURITY_QUESTIONS.find((q) => q.id === id);
}

export function isQuestionId(id: number): boolean {
  return QUESTION_IDS.includes(id);
}
