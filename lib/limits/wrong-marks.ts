// Fair counting: a child who presses Check Answers again, or types the same wrong answers again,
// learns nothing new and gives nothing new away, so the same wrong answers count once in a run.
// What is kept to know them again is a keyed hash (HMAC) of the gate, the questions asked and the
// normalised answers: not the answers, and not something an attacker who reads the database can
// test guesses against without the key. Pure; lib/data/challenge-state.ts keeps the marks of the
// current run and forgets them when the run ends.
import { createHmac } from "node:crypto";

let derived: { secret: string; key: Buffer } | undefined;

/** The key for the marks, derived from the app's secret under its own label (once per secret). */
export function wrongMarksKey(secret: string): Buffer {
  if (derived?.secret !== secret) {
    derived = { secret, key: createHmac("sha256", secret).update("mims-sspr wrong answers").digest() };
  }
  return derived.key;
}

/** The mark of one submission: the same gate, questions and normalised answers give the same
 *  mark; anything else another. 128 bits, hex. */
export function wrongAnswersMark(
  key: Buffer,
  gateKey: string,
  asked: readonly number[],
  normalisedAnswers: readonly string[],
): string {
  const mac = createHmac("sha256", key);
  mac.update(JSON.stringify([gateKey, asked, normalisedAnswers]));
  return mac.digest("hex").slice(0, 32);
}
