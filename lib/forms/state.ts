// What a form action answers, and the limits and hidden fields its forms carry. Imports nothing:
// the public pages' browser code (Log In, the reset at /sspr, Change Password) takes this file
// alone, without zod or any schema (README, "Load and memory").

export const LOGIN_ID_MAX_LENGTH = 254;
export const ANSWER_FIELD_MAX_LENGTH = 80;
/** A one-time reset code is 8 characters; room for the spaces and dashes a child may type. */
export const RESET_CODE_FIELD_MAX_LENGTH = 40;

/** The hidden field of a form that acts on a whole school (the yearly reset, an import): the
 *  school the page was showing (lib/forms/cohort.ts parseFormSchool). */
export const SCHOOL_FIELD = "schoolId";

/** The hidden field of a form whose post must not be repeated: its one-time token
 *  (lib/data/form-tokens.ts). */
export const FORM_TOKEN_FIELD = "formToken";

/** The state every form action returns. Never carries back what was typed into a secret field. */
export type FormState = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Non-secret values to put back into the form after a server-side error. */
  values?: Record<string, string>;
  /** A secret the server made for the reader to see once (an administrator's temporary
   *  password for a student): shown by the page that asked for it, kept nowhere. */
  generated?: string;
  /** A fresh one-time token for the form's next post, when its posts must not be repeated. */
  formToken?: string;
};

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

export const IDLE: FormState = { status: "idle" };

/** What a schema says when a field is wrong: not words but a key of the errors' words, with the
 *  number the words need after a colon (`"required"`, `"tooLong:40"`). The action says it in the
 *  reader's language (lib/forms/parse.ts); the browser with the words its page handed it. */
export type ErrorWords = Record<string, string>;

/** The words for a schema's error: the page's words for the code, else the code's key alone,
 *  else what the schema said (a school's form says its words in English itself). */
export function sayError(message: string, words: ErrorWords): string {
  return words[message] ?? words[message.split(":")[0] ?? ""] ?? message;
}
