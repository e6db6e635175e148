"use server";
import { redirect } from "next/navigation";
import { unlessBusy } from "@/lib/forms/busy";
import { countAttempt } from "@/lib/limits/attempts";
import { redeemGuardianCode, requestGuardianCode } from "@/lib/data/guardian-codes";
import { normaliseLoginId } from "@/lib/data/users";
import { parseForm, ssprSearchSchema, type FormState } from "@/lib/forms";
import { getMessages } from "@/lib/messages";
import { clientInfo } from "@/lib/http/request";
import { rememberLoginId } from "@/lib/reset/cookies";
import { redeemTypedCode } from "../redeem-typed-code";

// A guardian's approval at /sspr/guardian, for signed-out visitors like the rest of the reset path:
// what authorises each step is checked in the data layer (lib/data/guardian-codes.ts). Each step
// counts against the client's address here, where its work is done (lib/limits/attempts.ts).

export async function askGuardian(state: FormState, formData: FormData): Promise<FormState> {
  return unlessBusy(() => askGuardianNow(state, formData));
}

async function askGuardianNow(_state: FormState, formData: FormData): Promise<FormState> {
  await countAttempt("reset");
  const parsed = parseForm(ssprSearchSchema, formData, {}, await getMessages());
  if (!parsed.ok) return parsed.state;
  const loginId = normaliseLoginId(parsed.data.loginId);
  // Nothing comes back: the next page says the same words for every Login ID.
  await requestGuardianCode(loginId, await clientInfo());
  await rememberLoginId(loginId);
  redirect("/sspr/guardian/code?sent=1");
}

export async function enterGuardianCode(state: FormState, formData: FormData): Promise<FormState> {
  return unlessBusy(() => enterGuardianCodeNow(state, formData));
}

function enterGuardianCodeNow(_state: FormState, formData: FormData): Promise<FormState> {
  return redeemTypedCode(redeemGuardianCode, formData);
}
