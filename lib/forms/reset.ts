// Forgot Password? at /sspr: the Login ID, then the answers to the two questions drawn. The new
// password it ends with is lib/forms/passwords.ts.
import { z } from "zod";
import { answerField, loginIdField } from "./fields";

export const ssprSearchSchema = z.object({ loginId: loginIdField });

export const challengeSchema = z.object({ answer1: answerField, answer2: answerField });
