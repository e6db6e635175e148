"use server";
import { unlessBusy } from "@/lib/forms/busy";
import { redirect } from "next/navigation";
import { currentSession, requireStudent } from "@/lib/auth/guards";
import { saveSecurityAnswers } from "@/lib/data/security-questions";
import {
  answerSetOf,
  parseForm,
  setupQuestionsSchema,
  setupRefusal,
  setupRefusedState,
  type FormState,
} from "@/lib/forms";
import { clientInfo } from "@/lib/http/request";
import { getMessages } from "@/lib/messages";

export async function saveAnswers(state: FormState, formData: FormData): Promise<FormState> {
  return unlessBusy(() => saveAnswersNow(state, formData));
}

async function saveAnswersNow(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireStudent();
  const t = await getMessages();
  const refusal = setupRefusal(formData, t);
  const parsed = parseForm(setupQuestionsSchema, formData, refusal, t);
  if (!parsed.ok) return parsed.state;
  // The session requireStudent just checked: the data layer reads its sign-in time itself.
  const sessionId = (await currentSession())?.sessionId ?? "";
  const answerSet = answerSetOf(parsed.data);
  const result = await saveSecurityAnswers({ ...user, sessionId }, answerSet, await clientInfo());
  if (result.status === "saved") redirect("/?saved=1");
  return setupRefusedState(result, refusal.values, t);
}
