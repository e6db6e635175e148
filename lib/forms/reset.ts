// Forgot Password? at /sspr: the Login ID, then the answers to the two questions drawn. The new
// password it ends with is lib/forms/passwords.ts.
import { z } from "zod";
import { answerField, loginIdField, text } from "./fields";
import { RESET_CODE_FIELD_MAX_LENGTH } from "./state";

export const ssprSearchSchema = z.object({ loginId: loginIdField });

export const challengeSchema = z.object({ answer1: answerField, answer2: answerField });

/** A one-time code with the Login ID it is for: the school's (lib/reset/reset-code.ts) or the one
 *  sent to the guardian (lib/reset/guardian-code.ts). */
export const resetCodeSchema = z.object({
  loginId: loginIdField,
  code: text(RESET_CODE_FIELD_MAX_LENGTH, { trim: true }),
});
