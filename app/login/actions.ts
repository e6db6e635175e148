"use server";
import { isHashingBusy, unlessBusy } from "@/lib/forms/busy";
import { redirect } from "next/navigation";
import { countAttempt } from "@/lib/limits/attempts";
import { signInWithPassword } from "@/lib/auth/auth";
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
  let result: Awaited<ReturnType<typeof signInWithPassword>>;
  try {
    result = await signInWithPassword(parsed.data);
  } catch (error) {
    // Anything else (the database is down, the hashing queue is full) is not a wrong password and
    // must not be told as one.
    if (isHashingBusy(error)) throw error;
    return { status: "error", message: t.errors.generic };
  }
  // The same words whether the Login ID exists or not (an unknown one is slowed the same way).
  if (result.status === "slowed") {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return { ...signInFailedState(formData, t), message: t.login.slowed(minutes) };
  }
  if (result.status === "failed") return signInFailedState(formData, t);
  redirect("/");
}
