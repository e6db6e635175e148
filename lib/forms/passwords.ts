// A new password: at the end of the reset (/sspr/change) and when changing it while signed in.
// The policy itself is lib/passwords/policy.ts, checked by the data layer.
import { z } from "zod";
import type { ChangePasswordResult } from "@/lib/data/passwords";
import type { ResetResult } from "@/lib/data/reset-grants";
import type { Messages } from "@/lib/messages/en";
import { policyFormState } from "@/lib/messages/policy";
import { passwordField } from "./fields";
import type { FormState } from "./state";

export const newPasswordSchema = z.object({ newPassword: passwordField, confirmPassword: passwordField });

export const changePasswordSchema = newPasswordSchema.extend({ currentPassword: passwordField });

/** What a refused new password shows above the form, besides the errors next to its fields. */
export const newPasswordRefusal = (t: Messages) => ({ message: t.changePassword.fixErrors });

/** A new password the domain refused: a rule, a wrong current password or a spent grant. */
export function newPasswordRefusedState(
  result: Exclude<ResetResult | ChangePasswordResult, { status: "reset" } | { status: "changed" }>,
  t: Messages,
): FormState {
  if (result.status === "invalidGrant") return { status: "error", message: t.sspr.grantGone };
  if (result.status === "wrongCurrentPassword") {
    return { status: "error", fieldErrors: { currentPassword: t.changePassword.wrongCurrent } };
  }
  return policyFormState(result.failure, t);
}
