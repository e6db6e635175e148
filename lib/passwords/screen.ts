import "server-only";
import { isCommonPassword } from "./common";
import { findContextWord } from "./context-words";
import { normalisePassword, type RuleResult } from "./policy";

// The server's rules on top of the school's policy: they need a list the browser must not load
// (common passwords), the school (context words) or the account's past hashes (reuse), so the
// live checklist does not show them; the server reports them next to the New Password field.

export type ScreenFailure =
  | { rule: "common"; ok: false }
  | { rule: "contextWord"; ok: false; word: string }
  | { rule: "reused"; ok: false };

export type ScreenRule = ScreenFailure["rule"];

/** What a new password can fail on: a rule of the policy or one of the server's. */
export type PasswordFailure = RuleResult | ScreenFailure;

/** Common first, then context words; null when neither refuses the password. */
export async function screenPassword(
  rawPassword: string,
  context: { schoolName: string | null },
): Promise<ScreenFailure | null> {
  const password = normalisePassword(rawPassword);
  if (await isCommonPassword(password)) return { rule: "common", ok: false };
  const word = findContextWord(password, context.schoolName);
  return word ? { rule: "contextWord", ok: false, word } : null;
}
