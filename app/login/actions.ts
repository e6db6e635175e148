"use server";
import { isHashingBusy, unlessBusy } from "@/lib/forms/busy";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { countAttempt } from "@/lib/limits/attempts";
import { SignInSlowed, signIn } from "@/lib/auth/auth";
import { loginRefusal, loginSchema, parseForm, signInFailedState, type FormState } from "@/lib/forms";
import { getMessages } from "@/lib/messages";

export async function logIn(state: FormState, formData: FormData): Promise<FormState> {
  return unlessBusy(() => logInNow(state, formData));
}

async function logInNow(_state: FormState, formData: FormData): Promise<FormState> {
  // Counted here, where the work is, whatever URL the form was posted to (lib/limits/attempts.ts).
  await countAttempt("signIn");
  const t = await getMessages();
  const parsed = parseForm(loginSchema, formData, loginRefusal(formData), t);
  if (!parsed.ok) return parsed.state;
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    // The same words whether the Login ID exists or not (an unknown one is slowed the same way).
    // Anything else (the database is down, the hashing queue is full) is not a wrong password and
    // must not be told as one.
    if (error instanceof SignInSlowed) {
      const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
      return { ...signInFailedState(formData, t), message: t.login.slowed(minutes) };
    }
    if (error instanceof AuthError && error.type === "CredentialsSignin")
      return signInFailedState(formData, t);
    if (isHashingBusy(error)) throw error;
    return { status: "error", message: t.errors.generic };
  }
  redirect("/");
}
