import type { PolicyRule } from "@/lib/passwords/policy";
import type { PasswordFailure, ScreenRule } from "@/lib/passwords/screen";
import type { Messages } from "./en";

/** The words for a failed rule; a name rule names the part that matched, a context word the word. */
export function policyError(failure: PasswordFailure, t: Messages): string {
  if (failure.rule === "noName") return t.policy.errors.noName(failure.namePart ?? "");
  if (failure.rule === "contextWord") return t.policy.errors.contextWord(failure.word);
  return t.policy.errors[failure.rule];
}

/** The field a failed rule belongs to: the server's rules (common, context word, reused) are
 *  about the new password too. */
export function policyField(rule: PolicyRule | ScreenRule): "newPassword" | "confirmPassword" {
  return rule === "confirm" ? "confirmPassword" : "newPassword";
}

/** The checklist's lines, in the order the school's guide lists them. */
export function checklistItems(t: Messages): { rule: PolicyRule | null; text: string }[] {
  return [
    { rule: null, text: t.policy.caseSensitive },
    { rule: "length", text: t.policy.length },
    { rule: "firstChar", text: t.policy.firstChar },
    { rule: "noName", text: t.policy.noName },
    { rule: "classes", text: t.policy.classes },
  ];
}

/** A form state that puts the failed rule's words next to its field. */
export function policyFormState(failure: PasswordFailure, t: Messages) {
  return {
    status: "error" as const,
    message: t.changePassword.fixErrors,
    fieldErrors: { [policyField(failure.rule)]: policyError(failure, t) },
  };
}

/** The rules the checklist ticks (the first line is a remark, not a rule). */
const CHECKED_RULES = 4;

/** The words the Change Password form shows, handed from the page to the browser's code: the
 *  browser loads no other words. */
export function newPasswordWords(t: Messages) {
  const { prompt, currentPassword, newPassword, newPasswordHint, confirmPassword } = t.changePassword;
  const { confirmPasswordHint, submit, cancel, requirementsIntro } = t.changePassword;
  return {
    prompt,
    currentPassword,
    newPassword,
    newPasswordHint,
    confirmPassword,
    confirmPasswordHint,
    submit,
    cancel,
    summary: t.errors.summary,
    reveal: t.reveal,
    checklist: {
      intro: requirementsIntro,
      label: t.policy.checklistLabel,
      met: t.policy.met,
      notMet: t.policy.notMet,
      items: checklistItems(t),
      /** progress[n]: n of the checked rules met (functions cannot cross to the browser). */
      progress: Array.from({ length: CHECKED_RULES + 1 }, (_, met) => t.policy.progress(met, CHECKED_RULES)),
    },
  };
}

export type NewPasswordWords = ReturnType<typeof newPasswordWords>;
export type ChecklistWords = NewPasswordWords["checklist"];
