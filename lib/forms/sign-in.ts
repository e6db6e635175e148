// Log In. The browser form carries no schema (app/login/login-form.tsx): the action and Auth.js's
// authorize() parse with this one.
import { z } from "zod";
import type { Messages } from "@/lib/messages/en";
import { loginIdField, passwordField } from "./fields";
import { LOGIN_ID_MAX_LENGTH, type FormState } from "./state";

export const loginSchema = z.object({ loginId: loginIdField, password: passwordField });

/** What goes back into the Login ID field after an error; never the password. */
export function typedLoginId(formData: FormData): string {
  const typed = formData.get("loginId");
  return typeof typed === "string" ? typed.slice(0, LOGIN_ID_MAX_LENGTH) : "";
}

/** A refused post keeps the typed Login ID. */
export const loginRefusal = (formData: FormData) => ({ values: { loginId: typedLoginId(formData) } });

/** The same words whether the Login ID exists or not. */
export function signInFailedState(formData: FormData, t: Messages): FormState {
  return {
    status: "error",
    message: t.login.failed,
    values: { loginId: typedLoginId(formData) },
  };
}
