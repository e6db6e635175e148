"use server";
import { unlessBusy } from "@/lib/forms/busy";
import { redirect } from "next/navigation";
import { unstable_update } from "@/lib/auth/auth";
import { currentSession, requireSignedIn } from "@/lib/auth/guards";
import { homePathOf } from "@/lib/auth/roles";
import { changeOwnPassword } from "@/lib/data/passwords";
import { renewSessionId } from "@/lib/data/sessions";
import {
  changePasswordSchema,
  newPasswordRefusal,
  newPasswordRefusedState,
  parseForm,
  type FormState,
} from "@/lib/forms";
import { clientInfo } from "@/lib/http/request";
import { getMessages } from "@/lib/messages";

export async function changePassword(state: FormState, formData: FormData): Promise<FormState> {
  return unlessBusy(() => changePasswordNow(state, formData));
}

async function changePasswordNow(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireSignedIn();
  const sessionId = (await currentSession())?.sessionId;
  const t = await getMessages();
  const parsed = parseForm(changePasswordSchema, formData, newPasswordRefusal(t), t);
  if (!parsed.ok) return parsed.state;
  const result = await changeOwnPassword(user, parsed.data, await clientInfo());
  if (result.status !== "changed") return newPasswordRefusedState(result, t);
  // Every other session has ended with the change; this one goes on under a new id (keeping a
  // member of staff's second factor, passed a moment ago).
  const renewed = sessionId && (await renewSessionId(sessionId, user.id));
  if (renewed) await unstable_update({ renewedSid: renewed });
  redirect(homePathOf(user.role));
}
