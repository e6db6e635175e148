// What a form action answers, and the limits its inputs carry. No zod here: a page's browser
// code imports this without the schemas (lib/forms.ts), which stay on the server.

export const LOGIN_ID_MAX_LENGTH = 254;
export const ANSWER_FIELD_MAX_LENGTH = 80;

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
