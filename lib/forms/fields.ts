// The fields the forms share. Limits come first, so a 1 MB value is refused before any work is
// done on it.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/lib/passwords/policy";
import { parseRowId } from "@/lib/forms/row-id";
import { ANSWER_FIELD_MAX_LENGTH, LOGIN_ID_MAX_LENGTH } from "./state";

/** C0/C1 control characters (NUL, ESC, …) are never part of a Login ID, password, answer or name. */
export const noControl = (value: string) => !/\p{Cc}/u.test(value);

/** Required text of at most `max` characters, without control characters. */
export const text = (max: number, options: { trim?: boolean } = {}) =>
  z
    .string({ error: "required" })
    .transform((value) => (options.trim ? value.trim() : value))
    .pipe(
      z
        .string()
        .min(1, { error: "required" })
        .max(max, { error: `tooLong:${max}` })
        .refine(noControl, { error: "invalid" }),
    );

export const loginIdField = text(LOGIN_ID_MAX_LENGTH, { trim: true });
export const passwordField = text(PASSWORD_MAX_LENGTH);
export const answerField = text(ANSWER_FIELD_MAX_LENGTH);

/** A row's id in a hidden field or a drop-down, read as every id from outside is
 *  (lib/forms/row-id.ts); `error` is what a malformed one is told. */
export const rowIdField = (error: string) =>
  z
    .string({ error })
    .transform((value) => parseRowId(value))
    .pipe(z.number({ error }));
