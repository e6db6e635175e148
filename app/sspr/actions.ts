"use server";
import { unlessBusy } from "@/lib/forms/busy";
import { redirect } from "next/navigation";
import { countAttempt } from "@/lib/limits/attempts";
import { authSecret } from "@/lib/server/config";
import { rememberDevice } from "@/lib/auth/device-cookie";
import { newDeviceToken } from "@/lib/auth/device-trust";
import { checkAnswers, startChallenge } from "@/lib/data/challenge";
import { cancelResetGrant, resetPasswordWithGrant } from "@/lib/data/reset-grants";
import { redeemResetCode } from "@/lib/data/reset-codes";
import { normaliseLoginId } from "@/lib/data/users";
import {
  challengeSchema,
  newPasswordRefusal,
  newPasswordRefusedState,
  newPasswordSchema,
  parseForm,
  ssprSearchSchema,
  type FormState,
} from "@/lib/forms";
import { getMessages } from "@/lib/messages";
import { clientAddress, clientInfo } from "@/lib/http/request";
import { redeemTypedCode } from "./redeem-typed-code";
import { forgetReset, heldGrant, keepGrant, rememberLoginId, rememberedLoginId } from "@/lib/reset/cookies";

// The reset path is for signed-out visitors: what authorises each step is the Login ID's
// challenge, then the reset grant, both checked in the data layer. Each step counts against the
// client's address here, where its work is done (lib/limits/attempts.ts).

export async function searchLoginId(state: FormState, formData: FormData): Promise<FormState> {
  return unlessBusy(() => searchLoginIdNow(state, formData));
}

async function searchLoginIdNow(_state: FormState, formData: FormData): Promise<FormState> {
  await countAttempt("reset");
  const parsed = parseForm(ssprSearchSchema, formData, {}, await getMessages());
  if (!parsed.ok) return parsed.state;
  const loginId = normaliseLoginId(parsed.data.loginId);
  // The questions are drawn (and the start audited) here, on the POST: the page only shows them.
  await startChallenge(loginId, await clientAddress());
  await rememberLoginId(loginId);
  redirect("/sspr/challenge");
}

export async function submitAnswers(state: FormState, formData: FormData): Promise<FormState> {
  return unlessBusy(() => submitAnswersNow(state, formData));
}

async function submitAnswersNow(_state: FormState, formData: FormData): Promise<FormState> {
  await countAttempt("reset");
  const t = await getMessages();
  const loginId = await rememberedLoginId();
  if (!loginId) redirect("/sspr/search");
  const parsed = parseForm(challengeSchema, formData, {}, t);
  if (!parsed.ok) return parsed.state;
  const result = await checkAnswers(loginId, [parsed.data.answer1, parsed.data.answer2], await clientInfo());
  if (result.status === "correct") {
    await keepGrant(result.grantToken);
    redirect("/sspr/change");
  }
  // Locked now or already: the challenge page shows the locked notice.
  if (result.status !== "wrong" || result.lockedNow !== "open") redirect("/sspr/challenge");
  // Never say which answer was wrong.
  return { status: "error", message: t.sspr.wrongAnswers };
}

export async function redeemCode(state: FormState, formData: FormData): Promise<FormState> {
  return unlessBusy(() => redeemCodeNow(state, formData));
}

function redeemCodeNow(_state: FormState, formData: FormData): Promise<FormState> {
  return redeemTypedCode(redeemResetCode, formData);
}

export async function resetPassword(state: FormState, formData: FormData): Promise<FormState> {
  return unlessBusy(() => resetPasswordNow(state, formData));
}

async function resetPasswordNow(_state: FormState, formData: FormData): Promise<FormState> {
  await countAttempt("reset");
  const t = await getMessages();
  const parsed = parseForm(newPasswordSchema, formData, newPasswordRefusal(t), t);
  if (!parsed.ok) return parsed.state;
  const result = await resetPasswordWithGrant(await heldGrant(), parsed.data, await clientInfo());
  if (result.status !== "reset") return newPasswordRefusedState(result, t);
  await forgetReset();
  // This device proved the answers: it may sign in to the account even while someone elsewhere
  // is guessing its password (lib/auth/device-trust.ts).
  await rememberDevice(newDeviceToken(authSecret(), result.userId));
  redirect("/sspr/done");
}

export async function cancelReset(): Promise<void> {
  await cancelResetGrant(await heldGrant(), await clientAddress());
  await forgetReset();
  redirect("/login");
}
